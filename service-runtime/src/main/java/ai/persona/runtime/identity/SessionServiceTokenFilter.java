package ai.persona.runtime.identity;

import jakarta.inject.Singleton;

import ai.persona.identity.ServiceIdentity;

/** This service's token on every call of its session-service client ({@code @RegisterProvider} there). */
@Singleton
public class SessionServiceTokenFilter extends ServiceTokenFilter {

    public SessionServiceTokenFilter(ServiceToken token) {
        super(token, ServiceIdentity.SESSION_SERVICE);
    }
}
