package ai.persona.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What decides whether an optimizer's patch is accepted, as session-service enforces it and the services that make or
 * show personas must agree on it: the schema, the optimizer's limits and the sensitive-data categories that are on;
 * and what decides whether a turn is stored, which the gateway checks before it asks the model: the conversation limits.
 * Each part is hashed (SHA-256) over its canonical JSON (properties sorted by name, no white space), so two schema
 * documents that differ only in layout or key order have the same fingerprint; {@code sha256} covers all parts.
 *
 * @param sha256 over the canonical JSON of the four parts together
 * @param schemaSha256 over the canonical JSON of the schema alone
 * @param optimizerLimits the limits a proposed patch is held to (not a person's own edits, which only session-service
 *        applies)
 * @param sensitiveCategories the names of the sensitive-data categories that are on, sorted
 * @param conversationLimits how much a session holds; null from a session-service older than this part, which is then
 *        not compared (it enforced the same defaults)
 */
public record PersonaModelFingerprint(String sha256, String schemaSha256, PersonaLimits optimizerLimits,
        List<String> sensitiveCategories, ConversationLimits conversationLimits) {

    /** The parts a service may rely on; each names itself in a difference. */
    public enum Part {
        SCHEMA, OPTIMIZER_LIMITS, SENSITIVE_DATA, CONVERSATION_LIMITS
    }

    /** One part that differs, described for an operator: the values here and at the other side. */
    public record Difference(Part part, String description) {
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // records' properties are all creator properties, which would otherwise keep their declaration order
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public PersonaModelFingerprint {
        sensitiveCategories = List.copyOf(sensitiveCategories);
    }

    public static PersonaModelFingerprint of(PersonaSchema schema, PersonaLimits optimizerLimits,
            Collection<String> sensitiveCategories, ConversationLimits conversationLimits) {
        List<String> categories = sensitiveCategories.stream().sorted().distinct().toList();
        String all = sha256(Map.of("schema", schema, "optimizerLimits", optimizerLimits,
                "sensitiveCategories", categories, "conversationLimits", conversationLimits));
        return new PersonaModelFingerprint(all, sha256(schema), optimizerLimits, categories, conversationLimits);
    }

    /**
     * The parts in {@code reliedOn} where this (a service's own) differs from {@code enforced} (session-service's),
     * each limit named by its configuration key; empty when they agree.
     */
    public List<Difference> differencesFrom(PersonaModelFingerprint enforced, Set<Part> reliedOn) {
        List<Difference> differences = new ArrayList<>();
        if (reliedOn.contains(Part.SCHEMA) && !schemaSha256.equals(enforced.schemaSha256)) {
            differences.add(new Difference(Part.SCHEMA, "the persona schema (persona.schema-file): sha256 "
                    + schemaSha256 + " here, " + enforced.schemaSha256 + " at session-service"));
        }
        if (reliedOn.contains(Part.OPTIMIZER_LIMITS)) {
            limit(differences, enforced, "max-value-chars", PersonaLimits::maxValueChars);
            limit(differences, enforced, "max-list-items", PersonaLimits::maxListItems);
            limit(differences, enforced, "max-operations", PersonaLimits::maxOperations);
            limit(differences, enforced, "max-removals", PersonaLimits::maxRemovals);
            limit(differences, enforced, "max-persona-tokens", PersonaLimits::maxPersonaTokens);
        }
        if (reliedOn.contains(Part.SENSITIVE_DATA) && !sensitiveCategories.equals(enforced.sensitiveCategories)) {
            differences.add(new Difference(Part.SENSITIVE_DATA, "the sensitive-data categories "
                    + "(persona.sensitive-data.special-categories): " + sensitiveCategories + " here, "
                    + enforced.sensitiveCategories + " at session-service"));
        }
        if (reliedOn.contains(Part.CONVERSATION_LIMITS) && enforced.conversationLimits != null
                && !enforced.conversationLimits.equals(conversationLimits)) {
            differences.add(new Difference(Part.CONVERSATION_LIMITS, "the conversation limits "
                    + "(persona.conversations.max-messages-per-session, max-message-chars): " + conversationLimits
                    + " here, " + enforced.conversationLimits + " at session-service"));
        }
        return differences;
    }

    private void limit(List<Difference> differences, PersonaModelFingerprint enforced, String key,
            Function<PersonaLimits, Integer> value) {
        Integer mine = value.apply(optimizerLimits);
        Integer theirs = value.apply(enforced.optimizerLimits);
        if (!Objects.equals(mine, theirs)) {
            differences.add(new Difference(Part.OPTIMIZER_LIMITS, "the optimizer limit persona.optimizer." + key + ": "
                    + mine + " here, " + theirs + " at session-service"));
        }
    }

    /** The canonical JSON of a value: properties and map keys sorted by name, lists in their order, no white space. */
    static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    private static String sha256(Object value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalJson(value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
