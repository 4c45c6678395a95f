package ai.persona.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.persona.runtime.identity.ServiceCallerRoles;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway's identities are its users' and apps' tokens as signed: service-runtime's augmentor, which rebuilds an
 * identity from a service key, is for the services that take service tokens and must never run here (on a user's
 * token it would drop their groups). Injects beans, so it is not part of the packaged application's suites.
 */
@QuarkusTest
class UserIdentityTest {

    @Inject
    @Any
    Instance<SecurityIdentityAugmentor> augmentors;

    @Test
    void usersTokensAreNeverReadAsServiceTokens() {
        assertThat(augmentors.stream()).noneMatch(ServiceCallerRoles.class::isInstance);
    }
}
