package ai.persona.benchgen.run;

import java.util.Locale;
import java.util.Map;

import ai.persona.benchgen.llm.Stage;
import ai.persona.benchgen.llm.Usage;

/** The per-stage table of calls, tokens and (with prices) dollars that the summary and the dry run print. */
final class CostTable {

    private CostTable() {
    }

    static String render(Map<String, Usage> byStage, Prices prices) {
        StringBuilder table = new StringBuilder("| Stage | LLM calls | Input tokens | Output tokens |"
                + (prices.given() ? " Cost (USD) |" : "") + "\n|---|---|---|---|" + (prices.given() ? "---|" : "") + "\n");
        Usage total = Usage.NONE;
        for (Stage stage : Stage.values()) {
            Usage usage = byStage.getOrDefault(stage.optionName(), Usage.NONE);
            total = total.plus(usage);
            table.append(row(stage.optionName(), usage, prices));
        }
        return table.append(row("all", total, prices)).toString().stripTrailing();
    }

    private static String row(String name, Usage usage, Prices prices) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |%s%n", name, usage.calls(), usage.inputTokens(),
                usage.outputTokens(), prices.given() ? String.format(Locale.ROOT, " %.2f |", prices.cost(usage)) : "");
    }
}
