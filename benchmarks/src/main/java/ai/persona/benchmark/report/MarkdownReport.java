package ai.persona.benchmark.report;

import java.util.Locale;
import java.util.Map;

import ai.persona.benchmark.phase.AddedP99;
import ai.persona.benchmark.phase.ContextPhase;
import ai.persona.benchmark.phase.FootprintSampler;
import ai.persona.benchmark.phase.OverheadPhase;
import ai.persona.benchmark.phase.Percentiles;
import ai.persona.benchmark.phase.PipelinePhase;
import ai.persona.benchmark.phase.UpkeepPhase;

/** The five figures as Markdown tables, each with its baseline and its target. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(BenchmarkResult r) {
        StringBuilder md = new StringBuilder("# Benchmark\n\n");
        md.append("Machine: ").append(r.machine()).append(". Settings: ").append(r.settings())
                .append(String.format(Locale.ROOT, ". Wall time %.0f s.%n%n", r.wallSeconds()));
        overhead(md, r);
        upkeep(md, r);
        md.append("\n## P3 personalization context per request (tokens; target flat and <= 500)\n\n")
                .append("| Past sessions | Persona version | Ours (system message) | Full-history baseline |\n")
                .append("|---|---|---|---|\n");
        for (ContextPhase.Point point : r.context()) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d |%n", point.pastSessions(),
                    point.personaVersion(), point.contextTokens(), point.fullHistoryTokens()));
        }
        if (r.pipeline() != null) {
            pipeline(md, r.pipeline());
        }
        md.append("\n\n## P5 footprint (JVM mode)\n\n| Service | Start to ready (ms) | RSS at rest (MiB) | "
                + "RSS under P1 load (MiB) |\n|---|---|---|---|\n");
        for (FootprintSampler.Footprint footprint : r.footprint()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f |%n", footprint.service(),
                    footprint.startMillis(), footprint.rssAtRestMib(), footprint.rssUnderLoadMib()));
        }
        md.append("\n![Overhead by concurrency](overhead-by-concurrency.png)\n\n"
                + "![Context tokens by past sessions](context-by-sessions.png)\n");
        return md.toString();
    }

    private static void overhead(StringBuilder md, BenchmarkResult r) {
        md.append("## P1 overhead per chat turn (ms; target p99 <= 5 ms at 200 sessions)\n\n")
                .append("Raw is the latency a client sees; overhead is raw less the simulated model's time "
                        + "(its latency, or its time to first token for streams). `direct` is the same load sent "
                        + "straight to the simulator: the floor of this client and machine. Added p99 is the "
                        + "gateway's raw p99 less `direct`'s (`direct-stream`'s for the stream) at the same level in "
                        + "this run: what the gateway adds, without what the client and machine cost.\n\n")
                .append("| API | Sessions | Turns | Raw p50 / p95 / p99 | Overhead p50 / p95 / p99 | Added p99 "
                        + "| Failed |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (OverheadPhase.Row row : r.overhead()) {
            String added = AddedP99.find(r.addedP99(), row.variant(), row.sessions())
                    .map(a -> String.format(Locale.ROOT, "%.1f", a.addedP99())).orElse("-");
            md.append("| ").append(row.variant()).append(" | ").append(row.sessions()).append(" | ")
                    .append(row.raw().count()).append(" | ").append(triple(row.raw())).append(" | ")
                    .append(triple(row.overhead())).append(" | ").append(added).append(" | ").append(row.failed())
                    .append(" |\n");
        }
    }

    private static void upkeep(StringBuilder md, BenchmarkResult r) {
        if (r.upkeep() == null && r.upkeepScenes() == null && r.upkeepScenesSkipped() == null) {
            return;
        }
        md.append("\n## P2 upkeep per completed session (target <= 0.34 calls, <= 1,500 tokens)\n\n")
                .append("Short: two short scripted lines per session. PersonaBench: each session replays a scene's "
                        + "user side (its personalized query, then its context in up to three follow-ups).\n\n")
                .append("| Sessions | Users x sessions | User turns / tokens per session | Optimizer calls | "
                        + "Tokens in / out | Calls per session | Tokens per session | All versions reached | "
                        + "Baseline (paper: 1 call per k = 3 sessions) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (UpkeepPhase.Result upkeep : new UpkeepPhase.Result[] { r.upkeep(), r.upkeepScenes() }) {
            if (upkeep != null) {
                md.append(String.format(Locale.ROOT,
                        "| %s | %d x %d | %.1f / %.0f | %d | %d / %d | %.3f | %.0f | %s | 0.333 |%n",
                        upkeep.sessionKind(), upkeep.users(), upkeep.sessionsPerUser(), upkeep.userTurnsPerSession(),
                        upkeep.userTokensPerSession(), upkeep.optimizerCalls(), upkeep.inputTokens(),
                        upkeep.outputTokens(), upkeep.callsPerSession(), upkeep.tokensPerSession(),
                        upkeep.allVersionsReached() ? "yes" : "no"));
            }
        }
        if (r.upkeepScenesSkipped() != null) {
            md.append("| ").append(r.upkeepScenesSkipped()).append(" | | | | | | | | |\n");
        }
    }

    private static void pipeline(StringBuilder md, PipelinePhase.Result pipeline) {
        md.append("\n## P4 pipeline (target >= 1,000 sessions/s, batch full to version visible p99 <= 1 s)\n\n")
                .append("| Users x k | Sessions/s (to last version) | Sessions ended/s | Batch full -> version "
                        + "p50 / p99 (ms, less simulated LLM) | Versions seen |\n|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| %d x %d | %.1f | %.1f | %.0f / %.0f | %d |%n", pipeline.users(),
                        pipeline.sessions() / Math.max(1, pipeline.users()), pipeline.sessionsPerSecond(),
                        pipeline.endedPerSecond(), pipeline.batchToVersion().p50(), pipeline.batchToVersion().p99(),
                        pipeline.versionsSeen()));
        md.append("\nCPU per completed session (ms): ");
        for (Map.Entry<String, Double> process : pipeline.cpuMillisPerSession().entrySet()) {
            md.append(process.getValue().isNaN() ? process.getKey() + " not measured; "
                    : String.format(Locale.ROOT, "%s %.1f; ", process.getKey(), process.getValue()));
        }
        md.append(String.format(Locale.ROOT, "total %.1f.", pipeline.cpuMillisPerSessionTotal()));
    }

    private static String triple(Percentiles p) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", p.p50(), p.p95(), p.p99());
    }
}
