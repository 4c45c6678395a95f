package ai.persona.eval;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.stack.JwtKeyFolder;
import ai.persona.infra.stack.ServiceKeys;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the deployment under evaluation is, and the key its gateway trusts for users' tokens. */
final class DeploymentOptions {

    @Option(names = "--gateway-url", description = "chat-gateway (default: ${DEFAULT-VALUE})")
    String gatewayUrl = "http://localhost:8080";

    @Option(names = "--updater-url", description = "persona-updater, for per-user learning settings "
            + "(default: ${DEFAULT-VALUE})")
    String updaterUrl = "http://localhost:8082";

    @Option(names = "--jwt-keys", description = "folder with privateKey.pem of the key pair the gateway verifies "
            + "tokens with (default: ${DEFAULT-VALUE}, made by deploy/local/up)")
    Path jwtKeys = Path.of(".local/jwt");

    @Option(names = "--jwt-issuer", description = "issuer the gateway expects (default: ${DEFAULT-VALUE})")
    String jwtIssuer = JwtKeyFolder.DEFAULT_ISSUER;

    JwtKeyFolder keys() {
        if (!Files.exists(jwtKeys.resolve("privateKey.pem"))) {
            throw new ParameterException(new picocli.CommandLine(this),
                    "no privateKey.pem in " + jwtKeys.toAbsolutePath() + ": give the key folder the gateway's "
                            + "public key belongs to (--jwt-keys)");
        }
        return new JwtKeyFolder(jwtKeys.toAbsolutePath(), jwtIssuer);
    }

    /** An admin's service token for the updater, from the service keys beside the users' pair (services/admin). */
    String updaterToken() {
        return new ServiceKeys(jwtKeys.resolve("services").toAbsolutePath())
                .tokenFor(ServiceIdentity.ADMIN, ServiceIdentity.UPDATER);
    }
}
