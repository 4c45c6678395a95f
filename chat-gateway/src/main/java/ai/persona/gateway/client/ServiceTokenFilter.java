package ai.persona.gateway.client;

import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds this service's token to every call of the session-service client. Registered on that client only
 * ({@code @RegisterProvider}), never globally: the model's client must not see it.
 */
@Singleton
public class ServiceTokenFilter implements ClientRequestFilter {

    private final ServiceToken token;

    public ServiceTokenFilter(ServiceToken token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.bearer());
    }
}
