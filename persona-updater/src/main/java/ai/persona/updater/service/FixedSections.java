package ai.persona.updater.service;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonPointer;

import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaPaths;
import ai.persona.model.PersonaSchema;
import ai.persona.updater.config.UpdaterConfig;
import io.quarkus.runtime.Startup;

/**
 * The persona sections the optimizer never changes in this deployment, in every mode
 * ({@code persona-updater.guardrails.fixed-sections}, none by default): e.g. Demographics, which the paper's released
 * code never changes, so an evaluation that starts from the golden Demographics keeps them. Checked at start: a name the schema lacks stops the service
 * rather than fixing nothing.
 */
@Singleton
@Startup
public class FixedSections {

    private final List<String> sections;
    private final List<String> pointers;

    public FixedSections(UpdaterConfig config, PersonaSchema schema) {
        this.sections = config.guardrails().fixedSections().orElse(List.of());
        List<String> unknown = sections.stream().filter(name -> schema.section(name).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("persona-updater.guardrails.fixed-sections names sections the schema does"
                    + " not have: " + unknown);
        }
        this.pointers = sections.stream().map(name -> JsonPointer.empty().appendProperty(name).toString()).toList();
    }

    public List<String> names() {
        return sections;
    }

    /** One finding per operation that changes a field of a fixed section. */
    public List<Finding> check(List<PatchOperation> operations) {
        return operations.stream()
                .flatMap(op -> pointers.stream()
                        .filter(section -> PersonaPaths.overlap(op.path(), section))
                        .limit(1)
                        .map(section -> new Finding(Finding.FIXED_SECTION, op.path(), "the section " + section
                                + " is fixed in this deployment: the optimizer never changes it; drop the change")))
                .toList();
    }
}
