package ai.persona.benchgen.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.llm.Usage;
import ai.persona.model.PersonaJson;

/** The end of a run: what was written, what was dropped or filtered and why ({@code report.json}), cost per stage. */
public final class Summary {

    private final Prices prices;

    public Summary(Prices prices) {
        this.prices = prices;
    }

    public void write(Path folder, List<GeneratedPersona> personas, List<String> files, List<Finding> findings,
            Map<String, Usage> spent, PrintStream out) {
        long common = personas.stream().flatMap(p -> p.scenes().stream()).filter(GeneratedScene::common).count();
        long all = personas.stream().mapToLong(p -> p.scenes().size()).sum();
        out.printf(Locale.ROOT, "Wrote %d personas, %d scenes (%d common, %d specific) to %s%n", personas.size(), all,
                common, all - common, folder);
        long dropped = findings.stream().filter(f -> f.status().equals(UnitRecord.DROPPED)).count();
        out.printf(Locale.ROOT, "Dropped %d units after a second malformed or invalid answer, filtered %d scenes;"
                + " reasons in report.json%n", dropped, findings.size() - dropped);
        out.println(CostTable.render(spent, prices));
        ObjectNode report = PersonaJson.mapper().createObjectNode();
        ArrayNode written = report.putArray("personas");
        files.forEach(written::add);
        report.set("dropped_or_filtered", PersonaJson.mapper().valueToTree(findings));
        report.set("usage_per_stage", PersonaJson.mapper().valueToTree(spent));
        report.set("cost_usd_per_stage", PersonaJson.mapper().valueToTree(prices.costs(spent)));
        try {
            UnitStore.writeAtomically(folder.resolve("report.json"),
                    PersonaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report.json", e);
        }
    }
}
