package ai.persona.model.guard;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One kind of data a persona never holds.
 *
 * @param name stable id, used in configuration, rejection reasons and metrics (e.g. {@code payment-card})
 * @param description what it is, in words the optimizer's prompt and a person reading a rejection understand
 * @param alwaysOn found by patterns with checksums; no deployment turns these off
 * @param enabledByDefault for the configurable (GDPR art. 9) categories: on unless the deployment says otherwise
 * @param keywords for the configurable categories: English words (matched as whole words, any case) and Chinese terms
 *            (matched anywhere)
 */
@RegisterForReflection
public record SensitiveCategory(String name, String description, boolean alwaysOn, boolean enabledByDefault,
        List<String> keywords) {

    public SensitiveCategory {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
