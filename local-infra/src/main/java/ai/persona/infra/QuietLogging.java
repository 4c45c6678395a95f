package ai.persona.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns chatty server logging down to WARN; at INFO a KRaft broker writes hundreds of lines per start.
 *
 * <p>Kafka logs through slf4j (and a little log4j-api), which this module routes to the JBoss LogManager, the
 * backend of every Quarkus JVM. Levels are therefore set on JBoss LogManager loggers, and on plain JUL loggers
 * as well for a JVM where JBoss LogManager is not the JUL manager. It has to happen before the broker starts:
 * in a Quarkus test JVM the root level is ALL until Quarkus boots, so otherwise every DEBUG record of the broker
 * would be built and buffered.</p>
 */
final class QuietLogging {

    private static final List<String> BROKER = List.of("kafka", "org.apache.kafka", "state.change.logger");
    // zonky relays initdb's and the server's output at INFO, some thirty lines per start
    private static final List<String> POSTGRES_PROCESS = List.of("io.zonky.test.db.postgres");
    // JUL holds loggers weakly; a collected logger would forget its level
    private static final List<Object> PINNED = new ArrayList<>();

    private QuietLogging() {
    }

    static void kafkaBroker() {
        toWarn(BROKER);
    }

    static void postgresProcess() {
        toWarn(POSTGRES_PROCESS);
    }

    private static synchronized void toWarn(List<String> names) {
        for (String name : names) {
            Logger jul = Logger.getLogger(name);
            jul.setLevel(Level.WARNING);
            PINNED.add(jul);
            try {
                org.jboss.logmanager.Logger jboss = org.jboss.logmanager.LogContext.getLogContext().getLogger(name);
                jboss.setLevel(org.jboss.logmanager.Level.WARN);
                PINNED.add(jboss);
            } catch (NoClassDefFoundError absent) {
                // a consumer that excluded jboss-logmanager logs through JUL, handled above
            }
        }
    }
}
