package ai.persona.runtime.identity;

import jakarta.inject.Singleton;

import ai.persona.identity.ServiceIdentity;

/** This service's token on every call of its persona-updater client ({@code @RegisterProvider} there). */
@Singleton
public class UpdaterTokenFilter extends ServiceTokenFilter {

    public UpdaterTokenFilter(ServiceToken token) {
        super(token, ServiceIdentity.UPDATER);
    }
}
