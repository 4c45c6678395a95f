package ai.persona.infra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The local stack's tools as one runnable jar ({@code local-infra/target/local-infra-tools.jar}, made by
 * {@code mvn package}): {@code deploy/local/infra} and {@code deploy/local/token} run it with {@code java -jar}, so a
 * local run resolves nothing from a Maven repository. Start it with
 * {@code -Djava.util.logging.manager=org.jboss.logmanager.LogManager}, or the servers log nothing.
 */
@Command(name = "local-infra-tools", mixinStandardHelpOptions = true,
        description = "Tools of the local stack: its PostgreSQL and Kafka, users' and service tokens.",
        subcommands = { InfraCommand.class, TokenCommand.class, ServiceTokenCommand.class })
public final class LocalTools {

    private LocalTools() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(LocalTools.class).execute(args));
    }
}
