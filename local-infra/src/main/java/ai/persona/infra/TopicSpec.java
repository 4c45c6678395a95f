package ai.persona.infra;

import java.util.Arrays;
import java.util.List;

/** A topic a service expects to exist; compacted topics keep the latest record per key (e.g. persona snapshots). */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name is required");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
    }

    public static TopicSpec of(String name, int partitions) {
        return new TopicSpec(name, partitions, false);
    }

    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, true);
    }

    /**
     * Reads the {@code name[:partitions[:compact]]} form used where only strings can be passed,
     * e.g. a test resource's init argument {@code "persona-updates:3,persona-snapshots:3:compact"}.
     */
    public static List<TopicSpec> parseList(String specs) {
        if (specs == null || specs.isBlank()) {
            return List.of();
        }
        return Arrays.stream(specs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(TopicSpec::parse).toList();
    }

    public static TopicSpec parse(String spec) {
        String[] parts = spec.split(":");
        if (parts.length > 3 || (parts.length == 3 && !"compact".equals(parts[2]))) {
            throw new IllegalArgumentException("Expected name[:partitions[:compact]], got: " + spec);
        }
        int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        return new TopicSpec(parts[0], partitions, parts.length == 3);
    }

    String format() {
        return name + ":" + partitions + (compacted ? ":compact" : "");
    }
}
