package ai.persona.personabench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ChangeSource;
import ai.persona.events.PersonaChanged;
import ai.persona.model.PatchOperation;
import ai.persona.model.PatchResult;
import ai.persona.model.PersonaFixtures;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaLimits;
import ai.persona.model.PersonaPatcher;
import ai.persona.model.PersonaRenderer;
import ai.persona.model.PersonaSchema;
import ai.persona.model.PersonaValidator;
import ai.persona.model.RenderedPersona;

/**
 * Every golden persona of the real PersonaBench data goes through the whole model. Skips, saying why, where the data is
 * absent (a fresh clone without the shared folder).
 */
class PersonaBenchGoldenPersonasTest {

    private static final int PROMPT_BUDGET = 400;
    private static PersonaBenchReader reader;

    private final PersonaSchema schema = PersonaSchema.defaultSchema();
    private final PersonaValidator validator = new PersonaValidator(schema, PersonaLimits.defaults());
    private final PersonaPatcher patcher = new PersonaPatcher(validator);
    private final PersonaRenderer renderer = new PersonaRenderer(schema);

    @BeforeAll
    static void openData() {
        reader = new PersonaBenchReader(PersonaBenchReader.defaultDir());
    }

    @Test
    void everyGoldenPersonaSurvivesValidateRenderPatchAndSerialisation() throws Exception {
        if (!reader.isAvailable()) {
            String reason = "PersonaBench data not found at " + reader.dataDir().toAbsolutePath()
                    + " (set -Dpersonabench.dir or PERSONABENCH_DIR): skipping the real-data checks";
            // printed as well: a skip reason is otherwise only in the report files
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        List<String> names = reader.personaNames();
        assertThat(names).hasSizeGreaterThan(100);
        int scenes = 0;
        for (String name : names) {
            BenchPersona persona = reader.read(name);
            ObjectNode golden = persona.golden();
            scenes += persona.scenes().size();

            assertThat(validator.validatePersona(golden)).as(name).isEmpty();
            RenderedPersona rendered = renderer.render(golden, PROMPT_BUDGET);
            assertThat(rendered.tokens()).as(name).isLessThanOrEqualTo(PROMPT_BUDGET).isPositive();
            assertThat(rendered.text()).as(name).contains(golden.at("/Demographics/Name").asText());

            PatchResult patched = patcher.apply(golden, List.of(
                    PatchOperation.test("/Demographics/Name", golden.at("/Demographics/Name")),
                    PatchOperation.add("/Preference/Preferred_Language_Register", PersonaFixtures.text("口语化"), "测试"),
                    PatchOperation.replace("/Pattern/Usage_Pattern", PersonaFixtures.text("每天使用"), "测试")));
            assertThat(patched.violations()).as(name).isEmpty();

            PersonaChanged event = new PersonaChanged(PersonaChanged.VERSION, name, 2,
                    PersonaPatcher.diff(golden, patched.persona()), patched.persona(), ChangeSource.OPTIMIZER, "p", List.of(),
                    null);
            String json = PersonaJson.mapper().writeValueAsString(event);
            PersonaChanged back = PersonaJson.mapper().readValue(json, PersonaChanged.class);
            assertThat(back).as(name).isEqualTo(event);
            assertThat(json).as(name).contains(golden.at("/Demographics/Career_Information").asText());
        }
        assertThat(scenes).isGreaterThan(2000);
    }
}
