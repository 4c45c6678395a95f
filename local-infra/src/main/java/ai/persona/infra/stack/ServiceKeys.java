package ai.persona.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import ai.persona.identity.ServiceIdentity;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The service keys of a stack ({@link ServiceIdentity}): a folder per caller (chat-gateway, persona-updater, admin) with
 * its RSA pair in {@link JwtKeyFolder}'s layout, and {@code jwks.json}, every caller's public key under its name, which
 * session-service and persona-updater verify with. The local stack's is {@code .local/jwt/services}; tests make one under
 * {@code target/}. Tools and tests that call a service directly mint their tokens here.
 */
public record ServiceKeys(Path folder) {

    public static final String JWKS = "jwks.json";

    /** Uses the keys in the folder, or makes those missing; existing pairs are kept so issued tokens stay valid. */
    public static ServiceKeys ensure(Path folder) {
        ServiceKeys keys = new ServiceKeys(folder.toAbsolutePath());
        List<JsonWebKey> publicKeys = new ArrayList<>();
        try {
            for (String caller : new TreeSet<>(ServiceIdentity.CALLERS)) {
                JwtKeyFolder pair = JwtKeyFolder.ensure(keys.folder.resolve(caller), ServiceIdentity.ISSUER);
                RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) KeyUtils.decodePublicKey(
                        Files.readString(pair.publicKeyPem())));
                key.setKeyId(caller);
                key.setUse("sig");
                key.setAlgorithm("RS256");
                publicKeys.add(key);
            }
            Files.writeString(keys.jwks(), new JsonWebKeySet(publicKeys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable public key in " + folder, e);
        }
        return keys;
    }

    /** The callers' public keys, for {@code mp.jwt.verify.publickey.location}. */
    public Path jwks() {
        return folder.resolve(JWKS);
    }

    /** The caller's private key (PKCS#8 PEM), for its {@code smallrye.jwt.sign.key.location}. */
    public Path privateKeyPem(String caller) {
        return folder.resolve(caller).resolve(JwtKeyFolder.PRIVATE_KEY);
    }

    /** A service token of {@code caller} for the service {@code audience}, as the caller itself would mint it. */
    public String tokenFor(String caller, String audience, Duration ttl) {
        return Jwt.issuer(ServiceIdentity.ISSUER)
                .subject(caller)
                .audience(audience)
                .expiresIn(ttl)
                .jws()
                .keyId(caller)
                .sign(new JwtKeyFolder(folder.resolve(caller), ServiceIdentity.ISSUER).privateKey());
    }

    /** A five-minute token, the lifetime the services mint theirs with. */
    public String tokenFor(String caller, String audience) {
        return tokenFor(caller, audience, Duration.ofMinutes(5));
    }
}
