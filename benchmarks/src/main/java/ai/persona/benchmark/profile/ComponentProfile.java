package ai.persona.benchmark.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one service's CPU went, read from its Java Flight Recorder recording: each execution sample is charged to the
 * component of the frame nearest the leaf that belongs to a known one (so a JDK HashMap lookup inside Jackson is
 * Jackson's). Coarse on purpose: it answers "which library is the turn paying for", the question a target missed by
 * 3x asks first. GC and JIT threads are native and not sampled; their CPU is in the process totals P4 reports.
 */
public record ComponentProfile(String service, long samples, Map<String, Long> byComponent) {

    /** Checked in order; the first whose prefix matches a frame's class wins for that frame. */
    static final List<Map.Entry<String, List<String>>> COMPONENTS = List.of(
            Map.entry("JWT signature check (RSA)", List.of("sun.security.rsa", "java.math", "org.jose4j",
                    "io.smallrye.jwt")),
            Map.entry("JSON (Jackson)", List.of("com.fasterxml.jackson")),
            Map.entry("Kafka client", List.of("org.apache.kafka")),
            Map.entry("PostgreSQL client, Hibernate", List.of("io.vertx.pgclient", "io.vertx.sqlclient",
                    "org.hibernate", "io.quarkus.hibernate")),
            Map.entry("LLM client (langchain4j)", List.of("dev.langchain4j", "io.quarkiverse.langchain4j")),
            Map.entry("Token counting (jtokkit)", List.of("com.knuddels.jtokkit")),
            Map.entry("Logging", List.of("org.jboss.logmanager", "org.jboss.logging")),
            Map.entry("Context propagation", List.of("io.smallrye.context")),
            Map.entry("Reactive Messaging", List.of("io.smallrye.reactive.messaging")),
            Map.entry("Mutiny", List.of("io.smallrye.mutiny")),
            Map.entry("REST server and client", List.of("org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive",
                    "io.quarkus.rest")),
            Map.entry("HTTP, Vert.x, Netty", List.of("io.vertx", "io.netty", "io.quarkus.vertx")),
            Map.entry("CDI (ArC)", List.of("io.quarkus.arc")),
            Map.entry("Metrics (Micrometer)", List.of("io.micrometer")),
            Map.entry("Project code", List.of("ai.persona")));
    static final String OTHER = "JDK and other";

    public static ComponentProfile read(Path recording) throws IOException {
        String service = recording.getFileName().toString();
        Map<String, Long> byComponent = new LinkedHashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.InitialSystemProperty") && "user.dir".equals(event.getString("key"))) {
                    service = serviceOf(event.getString("value"), service);
                } else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    samples++;
                    byComponent.merge(componentOf(event.getStackTrace().getFrames()), 1L, Long::sum);
                }
            }
        }
        return new ComponentProfile(service, samples, byComponent);
    }

    public double share(String component) {
        return samples == 0 ? 0 : 100.0 * byComponent.getOrDefault(component, 0L) / samples;
    }

    static String componentOf(List<RecordedFrame> framesFromLeaf) {
        for (RecordedFrame frame : framesFromLeaf) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> component : COMPONENTS) {
                if (component.getValue().stream().anyMatch(type::startsWith)) {
                    return component.getKey();
                }
            }
        }
        return OTHER;
    }

    /** Services run from {@code <module>/target/quarkus-app}: the module names the service. */
    static String serviceOf(String workingDirectory, String fallback) {
        Path dir = Path.of(workingDirectory);
        for (int i = 0; i + 1 < dir.getNameCount(); i++) {
            if (dir.getName(i + 1).toString().equals("target")) {
                return dir.getName(i).toString();
            }
        }
        return fallback;
    }
}
