package ai.persona.eval.report;

import java.util.Locale;
import java.util.Map;

import ai.persona.eval.config.EvalPlan;
import ai.persona.eval.llm.Usage;
import ai.persona.eval.report.Summary.Row;
import ai.persona.eval.report.Summary.WinRate;

/** {@code report.md}: the run, a table shaped like the paper's Table 1 with its GPT-4o figures, win rates, cost. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(EvalPlan plan, Summary summary, String assistant, Map<String, String> roles) {
        StringBuilder md = new StringBuilder("# PersonaBench evaluation\n\n");
        md.append(String.format(Locale.ROOT, "Run `%s`: %d personas, %s, %d of %d cells finished; "
                + "at most %d user messages per scene.%n%n", plan.runId(), plan.personas().size(),
                plan.scenesDescription(), summary.cells(), summary.plannedCells(), plan.maxTurns()));
        md.append("Protocol: `").append(plan.protocol().describe()).append(" --max-turns ").append(plan.maxTurns())
                .append("`.\n\n");
        md.append("Assistant: ").append(assistant).append(" (through the gateway). ");
        roles.forEach((role, model) -> md.append(role).append(": ").append(model).append(". "));
        md.append("\n\n## Table 1\n\n");
        md.append("Ours, then the paper's GPT-4o figure in brackets where it reports one. Helpfulness and "
                + "personalization are the judge's 0-10 scores of each session's first reply; utterances are the "
                + "user's messages until satisfied (the cap when never satisfied); persona similarity is the judge's "
                + (plan.protocol().paper() ? "holistic score" : "mean of consistency and detail")
                + " (0-10) of the learned persona at the end against the golden one, with consistency and detail in "
                + "brackets. Tool share: the share of first replies the assistant called a tool for. Updates: how the "
                + "learners' batches ended (changed, no change, parked, timed out).\n\n");
        md.append("| Setting | Helpfulness | Personalization | Utterances | Satisfied | Persona similarity "
                + "(consistency / detail) | Tool share | Updates | Cells | Missing verdicts |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : summary.rows()) {
            PaperNumbers.Figures paper = PaperNumbers.gpt4o(row.setting());
            md.append("| ").append(row.label())
                    .append(" | ").append(num(row.helpfulness())).append(paper(paper == null ? null : paper.helpfulness()))
                    .append(" | ").append(num(row.personalization()))
                    .append(paper(paper == null ? null : paper.personalization()))
                    .append(" | ").append(num(row.utterances())).append(paper(paper == null ? null : paper.utterances()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f%%", 100 * row.satisfiedRate()))
                    .append(" | ").append(row.similarity() == null ? "-"
                            : num(row.similarity()) + " (" + num(row.consistency()) + " / " + num(row.detail()) + ")")
                    .append(paper(paper == null ? null : paper.similarity()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f%%", 100 * row.firstReplyToolShare()))
                    .append(" | ").append(updates(row))
                    .append(" | ").append(row.cells())
                    .append(" | ").append(missing(row)).append(" |\n");
        }
        md.append("\nThe paper's Table 1 (GPT-4o, full benchmark), all six rows:\n\n| Setting | Helpfulness | "
                + "Personalization | Persona similarity | Utterances |\n|---|---|---|---|---|\n");
        PaperNumbers.all().values().forEach(row -> md.append("| ").append(row.label()).append(" | ")
                .append(num(row.helpfulness())).append(" | ").append(num(row.personalization())).append(" | ")
                .append(row.similarity() == null ? "–" : num(row.similarity())).append(" | ")
                .append(num(row.utterances())).append(" |\n"));
        md.append("\n## Persona similarity after each update\n\nThe similarity (0-10) of the learned persona against "
                + "the golden one, after the n-th update (session n x k).\n\n| Setting | Update | "
                + "Similarity |\n|---|---|---|\n");
        summary.similarityByUpdate().forEach((setting, updates) -> updates.forEach((update, similarity) -> md
                .append("| ").append(setting).append(" | ").append(update).append(" | ").append(num(similarity))
                .append(" |\n")));
        md.append("\n## Win rate of Persona Learning against Golden Persona, by session group (Fig. 4)\n\n");
        md.append("| Setting | Group | Pairs | Wins | Ties | Losses | Missing | Win rate |\n|---|---|---|---|---|---|---|---|\n");
        summary.winRates().forEach((setting, groups) -> groups.forEach((group, rate) -> md.append("| ")
                .append(setting).append(" | ").append(group).append(" | ").append(rate.pairs()).append(" | ")
                .append(rate.wins()).append(" | ").append(rate.ties()).append(" | ").append(rate.losses())
                .append(" | ").append(rate.missing()).append(" | ").append(percent(rate)).append(" |\n")));
        md.append("\n![Utterances by scene](utterances-by-scene.png)\n\n![Win rate](win-rate-by-group.png)\n");
        md.append("\n## Cost\n\n| Role | Calls | Input tokens | Output tokens |\n|---|---|---|---|\n");
        for (Map.Entry<String, Usage> role : summary.usage().entrySet()) {
            md.append("| ").append(role.getKey()).append(" | ").append(role.getValue().calls()).append(" | ")
                    .append(role.getValue().inputTokens()).append(" | ").append(role.getValue().outputTokens())
                    .append(" |\n");
        }
        md.append("\nVerdicts asked again after an unparsable answer are in the calls. Raw results: `cells.jsonl` "
                + "(one line per persona, setting and scene), `personas.jsonl`, `pairwise.jsonl`.\n");
        return md.toString();
    }

    static String num(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String paper(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, " [%.2f]", value);
    }

    private static String percent(WinRate rate) {
        Double value = rate.rate();
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * value);
    }

    private static String missing(Row row) {
        int total = row.scoresMissing() + row.utterancesMissing() + row.similarityMissing();
        return total == 0 ? "0" : total + " (scores " + row.scoresMissing() + ", simulator "
                + row.utterancesMissing() + ", similarity " + row.similarityMissing() + ")";
    }

    private static String updates(Row row) {
        if (row.updates().isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        row.updates().forEach((outcome, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(outcome));
        return text.toString();
    }
}
