package ai.persona.updater.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ConversationCompleted;
import ai.persona.model.FieldSpec;
import ai.persona.model.PatchOperation;
import ai.persona.model.PatchResult;
import ai.persona.model.PersonaPatcher;
import ai.persona.model.PersonaSchema;
import ai.persona.model.guard.PinnedPaths;
import ai.persona.runtime.persona.PersonaModelBeans;
import ai.persona.updater.llm.OptimizerMode;
import ai.persona.updater.llm.ProposedChange;
import io.quarkus.logging.Log;

/**
 * Turns the model's field changes into a JSON Patch against the snapshot and checks it before anything is published:
 * the shared model's validation (schema, types, value size, operation and removal counts, token budget, never emptying
 * the persona), the sections this deployment fixes, and the evidence check of the batch's mode. Changes that would change nothing are dropped, so an answer that only restates
 * the persona is "no change".
 */
@ApplicationScoped
public class Guardrails {

    /** The operations to publish, valid only when {@code findings} is empty. */
    public record Checked(List<PatchOperation> operations, List<Finding> findings) {
    }

    private final PersonaPatcher patcher;
    private final PersonaSchema schema;
    private final EvidenceCheck evidence;
    private final FixedSections fixedSections;

    public Guardrails(@Named(PersonaModelBeans.OPTIMIZER) PersonaPatcher patcher, PersonaSchema schema, EvidenceCheck evidence,
            FixedSections fixedSections) {
        this.patcher = patcher;
        this.schema = schema;
        this.evidence = evidence;
        this.fixedSections = fixedSections;
    }

    /**
     * @param mode decides which evidence rules apply (EvidenceCheck)
     * @param pins what the user pinned (session-service's, read before the run): an operation on one is a finding, so
     *        the repair call can drop it and the rest of the answer is kept, rather than session-service parking it all
     */
    public Checked check(OptimizerMode mode, ObjectNode persona, List<ProposedChange> changes,
            List<ConversationCompleted> sessions, List<String> pins) {
        List<PatchOperation> operations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (ProposedChange change : changes) {
            String path = JsonPointer.empty().appendProperty(change.section()).appendProperty(change.field()).toString();
            if (!paths.add(path)) {
                findings.add(new Finding(Finding.DUPLICATE_FIELD, path, "the answer changes this field more than once"));
                continue;
            }
            JsonNode current = persona.path(change.section()).get(change.field());
            if (change.isRemoval()) {
                if (current != null) {
                    operations.add(PatchOperation.remove(path, change.reason()));
                }
                continue;
            }
            JsonNode value = coerce(change, change.value());
            Instant until = TemporaryValues.until(change, sessions);
            if (until != null && !until.isAfter(Instant.now())) {
                // it held for a while around the conversations and no longer does: nothing to remember
                Log.infof("dropping %s: valid until %s, which has passed", path, until);
                continue;
            }
            if (current == null) {
                operations.add(PatchOperation.add(path, value, change.reason()).until(until));
            } else if (!current.equals(value)) {
                operations.add(PatchOperation.replace(path, value, change.reason()).until(until));
            }
        }
        findings.addAll(fixedSections.check(operations));
        PinnedPaths.touched(pins, operations).forEach(v -> findings.add(Finding.of(v)));
        findings.addAll(evidence.check(mode, operations, persona, sessions));
        if (!operations.isEmpty() && findings.isEmpty()) {
            PatchResult result = patcher.apply(persona, operations);
            result.violations().forEach(v -> findings.add(Finding.of(v)));
        }
        return new Checked(List.copyOf(operations), List.copyOf(findings));
    }

    /** Mends the two slips models make most often with typed fields: a number as a string, a list as one string. */
    private JsonNode coerce(ProposedChange change, JsonNode value) {
        Optional<FieldSpec> spec = schema.section(change.section()).flatMap(s -> s.specFor(change.field()));
        if (spec.isEmpty() || !value.isTextual()) {
            return value;
        }
        String text = value.textValue().strip();
        switch (spec.get().type()) {
            case NUMBER:
                try {
                    return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
                } catch (NumberFormatException notANumber) {
                    return value;
                }
            case STRING_LIST:
                return JsonNodeFactory.instance.arrayNode().add(text);
            default:
                return value;
        }
    }
}
