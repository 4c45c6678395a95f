package ai.persona.model.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;

/**
 * Which categories of data a persona never holds. The one source of truth for both services: session-service enforces
 * it on every proposed patch, persona-updater tells the optimizer. The categories and their keywords live in
 * {@code sensitive-data.json} next to this class; a deployment chooses only which GDPR art. 9 categories apply.
 */
public final class SensitiveDataPolicy {

    private static final String RESOURCE = "sensitive-data.json";
    /** The configuration value that turns every configurable category off (an empty list cannot be configured). */
    public static final String NONE = "none";

    private final List<SensitiveCategory> categories;
    private final Set<String> enabled;

    private SensitiveDataPolicy(List<SensitiveCategory> categories, Set<String> enabled) {
        this.categories = List.copyOf(categories);
        this.enabled = Set.copyOf(enabled);
    }

    /** The always-on categories, and the configurable ones that are on by default. */
    public static SensitiveDataPolicy defaults() {
        List<SensitiveCategory> all = read();
        return new SensitiveDataPolicy(all, all.stream().filter(c -> c.alwaysOn() || c.enabledByDefault())
                .map(SensitiveCategory::name).collect(Collectors.toSet()));
    }

    /**
     * The always-on categories plus exactly these configurable ones ({@value #NONE} for none of them).
     *
     * @throws IllegalArgumentException for a name that is no configurable category, so a typo fails at start-up
     */
    public SensitiveDataPolicy withSpecialCategories(Collection<String> names) {
        Set<String> chosen = names.stream().map(String::trim).filter(n -> !n.equals(NONE)).collect(Collectors.toSet());
        Set<String> configurable = categories.stream().filter(c -> !c.alwaysOn()).map(SensitiveCategory::name)
                .collect(Collectors.toSet());
        for (String name : chosen) {
            if (!configurable.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a configurable sensitive-data category; "
                        + "choose from " + configurable + " or " + NONE);
            }
        }
        Set<String> on = categories.stream().filter(c -> c.alwaysOn() || chosen.contains(c.name()))
                .map(SensitiveCategory::name).collect(Collectors.toSet());
        return new SensitiveDataPolicy(categories, on);
    }

    public List<SensitiveCategory> all() {
        return categories;
    }

    public List<SensitiveCategory> enabled() {
        return categories.stream().filter(c -> enabled.contains(c.name())).toList();
    }

    /** The optimizer's instruction, naming every enabled category. */
    public String neverStoreInstruction() {
        return "Never write any of these into the persona, not even when the user states them: "
                + enabled().stream().map(SensitiveCategory::description).collect(Collectors.joining("; ")) + ".";
    }

    private static List<SensitiveCategory> read() {
        try (InputStream in = SensitiveDataPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = PersonaJson.mapper().readTree(in);
            return PersonaJson.mapper().convertValue(root.get("categories"),
                    new TypeReference<List<SensitiveCategory>>() {
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
