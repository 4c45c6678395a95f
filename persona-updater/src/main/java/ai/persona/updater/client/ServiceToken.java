package ai.persona.updater.client;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.identity.ServiceIdentity;
import io.smallrye.jwt.build.Jwt;

/**
 * This service's short-lived token for session-service ({@link ServiceIdentity}), signed with its own private key
 * ({@code smallrye.jwt.sign.key.location}) and reused until a fifth of its life is left. Two threads that find it stale
 * at once may both mint one; either is valid.
 */
@ApplicationScoped
public class ServiceToken {

    private record Minted(String bearer, Instant renewAt) {
    }

    private final Duration lifetime;
    private volatile Minted current;

    public ServiceToken(ServiceTokenConfig config) {
        this.lifetime = config.lifetime();
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        Minted minted = current;
        Instant now = Instant.now();
        if (minted == null || !now.isBefore(minted.renewAt())) {
            minted = mint(now);
            current = minted;
        }
        return minted.bearer();
    }

    private Minted mint(Instant now) {
        String token = Jwt.issuer(ServiceIdentity.ISSUER)
                .subject(ServiceIdentity.UPDATER)
                .audience(ServiceIdentity.SESSION_SERVICE)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws()
                .keyId(ServiceIdentity.UPDATER)
                .sign();
        return new Minted("Bearer " + token, now.plus(lifetime.multipliedBy(4).dividedBy(5)));
    }
}
