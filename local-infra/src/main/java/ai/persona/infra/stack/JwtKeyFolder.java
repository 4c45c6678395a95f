package ai.persona.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import ai.persona.input.AppUsers;
import io.smallrye.jwt.build.Jwt;

/**
 * A folder with the RSA pair users' tokens are signed with, in the gateway's layout ({@code privateKey.pem} PKCS#8,
 * {@code publicKey.pem}; the local stack's {@code .local/jwt} is one): tools that drive a stack as its users mint
 * their tokens here.
 */
public record JwtKeyFolder(Path folder, String issuer) {

    public static final String DEFAULT_ISSUER = "ai-persona";
    static final String PRIVATE_KEY = "privateKey.pem";
    static final String PUBLIC_KEY = "publicKey.pem";

    /** Uses the pair in the folder, or makes one there; an existing pair is kept so issued tokens stay valid. */
    public static JwtKeyFolder ensure(Path folder, String issuer) {
        try {
            if (!Files.exists(folder.resolve(PRIVATE_KEY)) || !Files.exists(folder.resolve(PUBLIC_KEY))) {
                Files.createDirectories(folder);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(folder.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(folder.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                ownerOnly(folder.resolve(PRIVATE_KEY));
            }
            return new JwtKeyFolder(folder.toAbsolutePath(), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKeyPem() {
        return folder.resolve(PUBLIC_KEY);
    }

    public String tokenFor(String userId, Duration ttl) {
        return Jwt.subject(userId)
                .issuer(issuer)
                .upn(userId)
                .expiresIn(ttl)
                .sign(privateKey());
    }

    /** An app key ({@link AppUsers}): the app id as subject, the app role, no user of its own. */
    public String appKeyFor(String appId, Duration ttl) {
        if (!AppUsers.validAppId(appId)) {
            throw new IllegalArgumentException("an app id is 1-64 letters, digits, '.', '_' or '-', not " + appId);
        }
        return Jwt.subject(appId)
                .issuer(issuer)
                .groups(AppUsers.ROLE)
                .expiresIn(ttl)
                .sign(privateKey());
    }

    PrivateKey privateKey() {
        try {
            String pem = Files.readString(folder.resolve(PRIVATE_KEY), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("no private key in " + folder + " (the local stack makes one)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable private key in " + folder, e);
        }
    }

    /** Whoever can read the private key can act as any user of the stack. */
    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
