package ai.persona.gateway.auth;

import java.io.IOException;
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
import java.util.Base64;

/**
 * The RSA key pair tokens are signed with, as PEM files: {@code privateKey.pem} (PKCS#8, for whoever mints tokens) and
 * {@code publicKey.pem} (for the gateway: {@code mp.jwt.verify.publickey.location}).
 */
public final class JwtKeys {

    public static final String PRIVATE_KEY = "privateKey.pem";
    public static final String PUBLIC_KEY = "publicKey.pem";

    private JwtKeys() {
    }

    /** Creates the pair in the folder unless it is there already; keeps an existing pair so issued tokens stay valid. */
    public static Path ensure(Path folder) throws IOException, GeneralSecurityException {
        Path privateKey = folder.resolve(PRIVATE_KEY);
        if (Files.exists(privateKey) && Files.exists(folder.resolve(PUBLIC_KEY))) {
            return folder;
        }
        Files.createDirectories(folder);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(folder.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        ownerOnly(privateKey);
        return folder;
    }

    public static PrivateKey privateKey(Path folder) throws IOException, GeneralSecurityException {
        String pem = Files.readString(folder.resolve(PRIVATE_KEY), StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions keeps its defaults
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
