package ai.persona.infra.testing;

import java.nio.file.Path;
import java.util.Map;

import ai.persona.infra.stack.JwtKeyFolder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The RSA pair users' tokens (and app keys) are signed with, under the module's {@code target/jwt-test-keys}, for a
 * gateway under test: it verifies with the public half, tests mint real tokens from {@link #keys()}, in the same
 * layout and with the same code as the local stack's {@code deploy/local/token}.
 */
public class UserKeysTestResource implements QuarkusTestResourceLifecycleManager {

    /** The test JVM's pair, made on first use. */
    public static JwtKeyFolder keys() {
        return JwtKeyFolder.ensure(Path.of(System.getProperty("test.work-dir", "target"), "jwt-test-keys")
                .toAbsolutePath(), JwtKeyFolder.DEFAULT_ISSUER);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", keys().publicKeyPem().toUri().toString());
    }

    @Override
    public void stop() {
    }
}
