package ai.persona.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import ai.persona.identity.ServiceIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class ServiceCallerRolesTest {

    private final ServiceCallerRoles roles = new ServiceCallerRoles();

    @Test
    void aTokenSignedWithACallersKeyAboutItselfGetsThatCallersRoleOnly() throws Exception {
        SecurityIdentity caller = augment(verified(ServiceIdentity.UPDATER, ServiceIdentity.UPDATER));

        assertThat(caller.getRoles()).containsExactly(ServiceIdentity.UPDATER);
        assertThat(caller.getPrincipal().getName()).isEqualTo(ServiceIdentity.UPDATER);
    }

    @Test
    void aTokenWhoseSubjectIsNotItsKeysCallerGetsNoRole() throws Exception {
        assertThat(augment(verified(ServiceIdentity.GATEWAY, ServiceIdentity.ADMIN)).getRoles()).isEmpty();
    }

    @Test
    void aKeyOfNoCallerGivesNoRole() throws Exception {
        assertThat(augment(verified("someone", "someone")).getRoles()).isEmpty();
    }

    @Test
    void anAnonymousCallIsLeftAsItIs() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

        assertThat(roles.augment(anonymous, null).await().indefinitely()).isSameAs(anonymous);
    }

    private SecurityIdentity augment(SecurityIdentity identity) {
        return roles.augment(identity, null).await().indefinitely();
    }

    // as verified by smallrye-jwt: the groups the token claims became roles, which the augmentor must drop
    private static SecurityIdentity verified(String keyId, String subject) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setStringListClaim("groups", ServiceIdentity.ADMIN);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(privateKey());
        JsonWebToken token = new Token(subject, jws.getCompactSerialization());
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(ServiceIdentity.ADMIN).build();
    }

    private static PrivateKey privateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    private record Token(String subject, String raw) implements JsonWebToken {

        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of(Claims.sub.name(), Claims.raw_token.name());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.of(Claims.sub.name(), subject, Claims.raw_token.name(), raw).get(claimName);
        }
    }
}
