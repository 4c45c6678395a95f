package ai.persona.updater.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which optimizer prompt, and which evidence rule, a batch is optimized with. Chosen per deployment
 * ({@code persona-updater.optimizer.mode}) and per user (the settings API); shown in lower case by the API and the
 * metrics.
 */
public enum OptimizerMode {

    /** The product's prompt (prompts/optimizer-*.txt): record only what the user plainly said, change little. */
    CONSERVATIVE("prompts/optimizer-system.txt", "prompts/optimizer-user.txt", "prompts/optimizer-repair.txt"),

    /**
     * Ported from the optimizer prompt of the paper's released code (prompts/paper/): infers patterns, personality and
     * values from the sessions as a whole, while staying conservative with what the persona already holds.
     */
    PAPER("prompts/paper/optimizer-system.txt", "prompts/paper/optimizer-user.txt",
            "prompts/paper/optimizer-repair.txt");

    private final String systemResource;
    private final String userResource;
    private final String repairResource;

    OptimizerMode(String systemResource, String userResource, String repairResource) {
        this.systemResource = systemResource;
        this.userResource = userResource;
        this.repairResource = repairResource;
    }

    /** The name the API, the configuration and the metrics use. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String systemResource() {
        return systemResource;
    }

    public String userResource() {
        return userResource;
    }

    public String repairResource() {
        return repairResource;
    }

    public static Optional<OptimizerMode> parse(String id) {
        return Arrays.stream(values()).filter(mode -> mode.id().equals(id == null ? null : id.strip())).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(OptimizerMode::id).toList();
    }
}
