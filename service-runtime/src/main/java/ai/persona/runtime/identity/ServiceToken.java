package ai.persona.runtime.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.identity.ServiceIdentity;
import io.smallrye.jwt.build.Jwt;

/**
 * This service's short-lived tokens for the services it calls ({@link ServiceIdentity}): one per audience, signed with
 * its own private key ({@code smallrye.jwt.sign.key.location}) as the caller {@link ServiceTokenConfig#caller()}, and
 * reused until a fifth of its life is left. Two threads that find one stale at once may both mint one; either is
 * valid.
 */
@ApplicationScoped
public class ServiceToken {

    private record Minted(String bearer, Instant renewAt) {
    }

    private final Duration lifetime;
    private final String caller;
    private final Map<String, Minted> current = new ConcurrentHashMap<>();

    public ServiceToken(ServiceTokenConfig config) {
        this.lifetime = config.lifetime();
        this.caller = config.caller();
    }

    /** The {@code Authorization} header value for the service named {@code audience}. */
    public String bearerFor(String audience) {
        Instant now = Instant.now();
        Minted minted = current.get(audience);
        if (minted == null || !now.isBefore(minted.renewAt())) {
            minted = mint(audience, now);
            current.put(audience, minted);
        }
        return minted.bearer();
    }

    private Minted mint(String audience, Instant now) {
        String token = Jwt.issuer(ServiceIdentity.ISSUER)
                .subject(caller)
                .audience(audience)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws()
                .keyId(caller)
                .sign();
        return new Minted("Bearer " + token, now.plus(lifetime.multipliedBy(4).dividedBy(5)));
    }
}
