package ai.persona.infra;

import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalInfra} until the process is told to stop (SIGTERM, Ctrl-C), then shuts both servers down.
 * Start it with {@code -Djava.util.logging.manager=org.jboss.logmanager.LogManager}; see deploy/local/infra.
 */
public final class LocalInfraMain {

    private static final Logger LOG = Logger.getLogger(LocalInfraMain.class);

    private LocalInfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(LocalInfraOptions.USAGE);
            return;
        }
        LocalInfraOptions options;
        try {
            options = LocalInfraOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalInfraOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalInfra infra = LocalInfra.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping local infrastructure");
            try {
                infra.close();
            } finally {
                stopped.countDown();
            }
        }, "local-infra-stop"));
        System.out.println("\nLocal infrastructure is up, data in " + options.dataDirectory() + "\n"
                + infra.describe() + "\nCtrl-C or SIGTERM stops it.");
        // the JVM exits once the hook has run; until then there is nothing for this thread to do
        stopped.await();
    }
}
