package ai.persona.infra.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.stack.ServiceKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints a service token for calling session-service or the updater directly, signed with a caller's key from
 * {@code <keys>/services} (made there, with the JWKS the services verify with, on first use).
 */
@Command(name = "service-token", mixinStandardHelpOptions = true,
        description = "Prints a service token of a caller (default: admin) for session-service or persona-updater.")
public class ServiceTokenCommand implements Callable<Integer> {

    @Option(names = "--for", required = true, description = "the service called: session-service or persona-updater")
    String audience;

    @Option(names = "--as", description = "the caller whose key signs it (default: ${DEFAULT-VALUE})")
    String caller = ServiceIdentity.ADMIN;

    @Option(names = "--keys", description = "folder of the stack's keys; service keys in its services/ "
            + "(default: ${DEFAULT-VALUE})")
    Path keys = Path.of(".local", "jwt");

    @Option(names = "--ttl", description = "lifetime, ISO-8601, at most PT1H (default: ${DEFAULT-VALUE})")
    Duration ttl = Duration.ofMinutes(30);

    @Override
    public Integer call() {
        if (!ServiceIdentity.CALLERS.contains(caller)) {
            System.err.println("--as must be one of " + ServiceIdentity.CALLERS);
            return 2;
        }
        System.out.println(ServiceKeys.ensure(keys.resolve("services")).tokenFor(caller, audience, ttl));
        return 0;
    }
}
