package ai.persona.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ai.persona.infra.stack.ServiceKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Service keys under the module's {@code target/service-keys} for a Quarkus test: a service that verifies service tokens
 * gets the callers' JWKS ({@code verifies=true}), a caller its own private key ({@code signs-as=<caller>}). Tests mint
 * their tokens from {@link #keys()}: real tokens, checked as in production.
 */
public class ServiceKeysTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String VERIFIES_ARG = "verifies";
    public static final String SIGNS_AS_ARG = "signs-as";

    private boolean verifies;
    private String signsAs;

    /** The test JVM's service keys, made on first use. */
    public static ServiceKeys keys() {
        return ServiceKeys.ensure(Path.of(System.getProperty("test.work-dir", "target"), "service-keys"));
    }

    @Override
    public void init(Map<String, String> initArgs) {
        verifies = Boolean.parseBoolean(initArgs.getOrDefault(VERIFIES_ARG, "false"));
        signsAs = initArgs.get(SIGNS_AS_ARG);
    }

    @Override
    public Map<String, String> start() {
        ServiceKeys keys = keys();
        Map<String, String> config = new HashMap<>();
        if (verifies) {
            config.put("mp.jwt.verify.publickey.location", keys.jwks().toUri().toString());
        }
        if (signsAs != null) {
            config.put("smallrye.jwt.sign.key.location", keys.privateKeyPem(signsAs).toUri().toString());
        }
        return config;
    }

    @Override
    public void stop() {
    }
}
