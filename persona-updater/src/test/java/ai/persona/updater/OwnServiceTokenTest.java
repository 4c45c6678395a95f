package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.ServiceKeysTestResource;
import ai.persona.runtime.identity.ServiceToken;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

/**
 * The token the updater itself calls session-service with is one session-service accepts as the updater's. Apart from
 * ServiceAuthTest because it injects the bean, which ServiceAuthIT (the packaged application) cannot.
 */
@QuarkusTest
class OwnServiceTokenTest {

    @Inject
    ServiceToken ownToken;

    @Test
    void theTokenForSessionServiceIsTheUpdatersSignedWithItsKeyAndReused() throws Exception {
        String bearer = ownToken.bearerFor(ServiceIdentity.SESSION_SERVICE);
        assertThat(ownToken.bearerFor(ServiceIdentity.SESSION_SERVICE)).isSameAs(bearer);
        String raw = bearer.substring("Bearer ".length());

        JWTAuthContextInfo sessionService = new JWTAuthContextInfo(
                ServiceKeysTestResource.keys().jwks().toUri().toString(), ServiceIdentity.ISSUER);
        sessionService.setExpectedAudience(Set.of(ServiceIdentity.SESSION_SERVICE));
        JsonWebToken verified = new DefaultJWTParser(sessionService).parse(raw);
        assertThat(verified.getSubject()).isEqualTo(ServiceIdentity.UPDATER);
        assertThat(verified.getExpirationTime() - verified.getIssuedAtTime()).isEqualTo(300);
        assertThat(JsonWebStructure.fromCompactSerialization(raw).getKeyIdHeaderValue())
                .isEqualTo(ServiceIdentity.UPDATER);
    }
}
