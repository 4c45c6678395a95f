package ai.persona.gateway.support;

import java.nio.file.Path;
import java.util.Map;

import ai.persona.infra.stack.JwtKeyFolder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A key pair under target/ for the tests' tokens; the gateway verifies with its public half. */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    public static final String KEYS_PROPERTY = "test.jwt.keys";

    @Override
    public Map<String, String> start() {
        Path keys = Path.of(System.getProperty("test.work-dir", "target"), "jwt-test-keys").toAbsolutePath();
        JwtKeyFolder folder = JwtKeyFolder.ensure(keys, JwtKeyFolder.DEFAULT_ISSUER);
        return Map.of(
                "mp.jwt.verify.publickey.location", folder.publicKeyPem().toUri().toString(),
                KEYS_PROPERTY, keys.toString());
    }

    @Override
    public void stop() {
    }
}
