package ai.persona.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.smallrye.jwt.build.Jwt;

/** A key pair made for this run: the gateway verifies with the public half, the test signs users' tokens. */
record JwtKeys(KeyPair pair, Path publicKeyPem) {

    static final String ISSUER = "https://ai-persona.local/e2e";

    static JwtKeys generate(Path dir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Path pem = dir.resolve("jwt-public.pem");
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return new JwtKeys(pair, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tokenFor(String userId) {
        return Jwt.subject(userId).issuer(ISSUER).expiresIn(3600).sign(pair.getPrivate());
    }
}
