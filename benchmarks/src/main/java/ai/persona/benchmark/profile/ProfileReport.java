package ai.persona.benchmark.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The services' recordings of one run (<out>/jfr/*.jfr) as one table: each component's share of each service's CPU. */
public final class ProfileReport {

    private ProfileReport() {
    }

    public static String render(Path folder) throws IOException {
        List<ComponentProfile> profiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList()) {
                profiles.add(ComponentProfile.read(file));
            }
        }
        profiles.sort(Comparator.comparing(ComponentProfile::service));
        StringBuilder md = new StringBuilder("## Profile (JFR execution samples, share of each service's samples)\n\n");
        md.append("Each sample is charged to the component of the frame nearest the leaf that belongs to a known one. "
                + "The whole run: every phase that ran, the machine shared as above.\n\n| Component |");
        profiles.forEach(p -> md.append(' ').append(p.service()).append(" |"));
        md.append("\n|---|").append("---|".repeat(profiles.size())).append('\n');
        List<String> components = new ArrayList<>(ComponentProfile.COMPONENTS.stream().map(Map.Entry::getKey).toList());
        components.add(ComponentProfile.OTHER);
        for (String component : components) {
            md.append("| ").append(component).append(" |");
            profiles.forEach(p -> md.append(String.format(" %.1f %% |", p.share(component))));
            md.append('\n');
        }
        md.append("| samples |");
        profiles.forEach(p -> md.append(' ').append(p.samples()).append(" |"));
        return md.append("\n").toString();
    }
}
