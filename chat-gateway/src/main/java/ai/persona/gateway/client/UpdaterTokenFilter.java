package ai.persona.gateway.client;

import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import ai.persona.identity.ServiceIdentity;

/** Adds this service's token for persona-updater to every call of the updater client ({@code @RegisterProvider}). */
@Singleton
public class UpdaterTokenFilter implements ClientRequestFilter {

    private final ServiceToken token;

    public UpdaterTokenFilter(ServiceToken token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.bearerFor(ServiceIdentity.UPDATER));
    }
}
