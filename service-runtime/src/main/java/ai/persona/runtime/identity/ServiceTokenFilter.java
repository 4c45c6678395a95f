package ai.persona.runtime.identity;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds this service's token for one audience to every call of one REST client. A subclass per audience is registered
 * on that service's client only ({@code @RegisterProvider}), never globally: the model's client must not see it.
 */
public abstract class ServiceTokenFilter implements ClientRequestFilter {

    private final ServiceToken token;
    private final String audience;

    protected ServiceTokenFilter(ServiceToken token, String audience) {
        this.token = token;
        this.audience = audience;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.bearerFor(audience));
    }
}
