package ai.persona.benchmark.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a run ran on, written beside its figures: they mean little without the cores that produced them. */
public final class Machine {

    private Machine() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
            machine.put("memoryGiB", Math.round(Long.parseLong(total) / 1024.0 / 1024.0));
        } catch (Exception e) {
            machine.put("memoryGiB", "unknown");
        }
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return machine;
    }
}
