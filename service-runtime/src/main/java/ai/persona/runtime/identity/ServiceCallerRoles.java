package ai.persona.runtime.identity;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import ai.persona.identity.ServiceIdentity;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Grants a verified service token exactly one role, the caller its key belongs to ({@link ServiceIdentity}): the
 * {@code kid} that selected the verifying key from the JWKS, when the subject names the same caller. Roles the token
 * claims itself ({@code groups}) are dropped: a caller could sign any claim with its own key.
 *
 * <p>Deliberately not a bean: a service whose callers are services opts in with a bean of its own that extends this
 * class (session-service, persona-updater). In chat-gateway, whose callers are users, it would rebuild every user's
 * identity without its groups; a subclass in code, rather than a build property or an excluded type, keeps it out of
 * any service that does not name it, and a service that forgets it refuses every call (403) instead of trusting one.</p>
 */
public class ServiceCallerRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder caller = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        String keyId = keyId(token.getRawToken());
        if (keyId != null && keyId.equals(token.getSubject()) && ServiceIdentity.CALLERS.contains(keyId)) {
            caller.addRole(keyId);
        }
        return Uni.createFrom().item(caller.build());
    }

    private static String keyId(String rawToken) {
        try {
            return JsonWebStructure.fromCompactSerialization(rawToken).getKeyIdHeaderValue();
        } catch (JoseException e) {
            return null;
        }
    }
}
