package ai.persona.session.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.TextNode;

import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaPatch;
import ai.persona.model.Violation;
import ai.persona.model.guard.SensitiveDataDetector;
import ai.persona.model.guard.SensitiveFinding;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Screens a proposed patch for sensitive data before anything of it is applied, and counts what it finds per category
 * ({@code persona.sensitive.rejected}). What is kept of a rejected patch has the offending values and reasons withheld:
 * parking the patch must not store what the screen refused.
 */
@ApplicationScoped
public class SensitiveDataScreen {

    public record Screened(List<Violation> violations, PersonaPatch storable) {
        public boolean isClean() {
            return violations.isEmpty();
        }
    }

    private final SensitiveDataDetector detector;
    private final MeterRegistry registry;

    public SensitiveDataScreen(SensitiveDataDetector detector, MeterRegistry registry) {
        this.detector = detector;
        this.registry = registry;
    }

    public Screened screen(PersonaPatch patch) {
        List<SensitiveFinding> findings = detector.scan(patch.operations());
        if (findings.isEmpty()) {
            return new Screened(List.of(), patch);
        }
        findings.forEach(f -> registry.counter("persona.sensitive.rejected", "category", f.category()).increment());
        List<Violation> violations = findings.stream().map(SensitiveFinding::toViolation).toList();
        return new Screened(violations, withheld(patch, findings));
    }

    private static PersonaPatch withheld(PersonaPatch patch, List<SensitiveFinding> findings) {
        Set<String> inValue = paths(findings, false);
        Set<String> inReason = paths(findings, true);
        List<PatchOperation> operations = new ArrayList<>();
        for (PatchOperation op : patch.operations()) {
            operations.add(new PatchOperation(op.op(), op.path(),
                    inValue.contains(op.path()) ? TextNode.valueOf("[withheld: sensitive data]") : op.value(),
                    inReason.contains(op.path()) ? "[withheld: sensitive data]" : op.reason()));
        }
        return new PersonaPatch(patch.patchId(), patch.userId(), patch.baseVersion(), patch.sourceSessionIds(),
                operations, patch.model(), patch.createdAt(), patch.firstSessionStartedAt());
    }

    private static Set<String> paths(List<SensitiveFinding> findings, boolean inReason) {
        return findings.stream().filter(f -> f.inReason() == inReason).map(SensitiveFinding::path)
                .collect(Collectors.toSet());
    }
}
