package ai.persona.infra.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import ai.persona.infra.stack.JwtKeyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints a bearer token for a user of the local stack, or with {@code --app} an app key (an app that names its users per
 * request), signed with the key pair in {@code --keys} (made there on first use); the gateway verifies it with that
 * folder's {@code publicKey.pem}.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a bearer token for a user, or with --app an app key; the key pair is made in --keys on "
                + "first use.")
public class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "USER", description = "the user id, the token's subject; with --app, the app "
            + "id (1-64 letters, digits, '.', '_', '-')")
    String userId;

    @Option(names = "--keys", description = "folder of the key pair (default: ${DEFAULT-VALUE})")
    Path keys = Path.of(".local", "jwt");

    @Option(names = "--ttl", description = "lifetime, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration ttl = Duration.ofHours(12);

    @Option(names = "--issuer", description = "the token's issuer (default: ${DEFAULT-VALUE})")
    String issuer = JwtKeyFolder.DEFAULT_ISSUER;

    @Option(names = "--app", description = "an app key for the app USER: it acts for the users each request names")
    boolean app;

    @Override
    public Integer call() {
        JwtKeyFolder folder = JwtKeyFolder.ensure(keys, issuer);
        System.out.println(app ? folder.appKeyFor(userId, ttl) : folder.tokenFor(userId, ttl));
        return 0;
    }
}
