package ai.persona.benchmark.phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.persona.benchmark.load.GatewayUser;
import ai.persona.model.TokenCounter;

/**
 * P3: how much personalization context a request carries as a user's history grows. One user holds sessions through
 * the gateway; at each checkpoint, once the updater has caught up, a probe turn's system message is counted (by the
 * simulator, from what it received) and set beside the full-history baseline: every past session replayed, counted
 * with the same tokenizer.
 */
public final class ContextPhase {

    /** @param systemMessage what the simulator received ahead of the probe: what {@code contextTokens} counts */
    public record Point(int pastSessions, long personaVersion, int contextTokens, long fullHistoryTokens,
            String systemMessage) {
    }

    private final BenchContext bench;

    public ContextPhase(BenchContext bench) {
        this.bench = bench;
    }

    public List<Point> run(List<Integer> checkpoints, int k) {
        GatewayUser user = bench.newUser("p3");
        List<Point> points = new ArrayList<>();
        long history = 0;
        int done = 0;
        for (int checkpoint : checkpoints) {
            while (done < checkpoint) {
                done++;
                String line = line(done);
                Sessions.converse(bench, user, line);
                history += TokenCounter.count("user: " + line + "\nassistant: " + bench.reply() + "\n");
            }
            long expected = done / k;
            Sessions.await(() -> user.personaVersion() >= expected, Duration.ofMinutes(3));
            String probe = "ctx-" + bench.runId() + "-" + done;
            String session = user.openSession();
            bench.http().send(user.nativeTurn(session, "probe:" + probe + " 今天喝什么茶？")).join();
            String system = bench.simulator().stats().context(probe);
            if (system == null) {
                throw new IllegalStateException("the probe of checkpoint " + done + " never reached the model");
            }
            points.add(new Point(done, user.personaVersion(), TokenCounter.count(system), history, system));
        }
        return points;
    }

    public static String line(int session) {
        return "第" + session + "次对话：" + TOPICS.get(session % TOPICS.size());
    }

    /** What the user talks about, in turn; the full-history baseline counts these and the replies. */
    public static final List<String> TOPICS = List.of("我想给茶馆换一批秋茶，预算有限", "店里最近客人少，怎么做活动",
            "乌龙和红茶哪个更适合晚上喝", "帮我写一段朋友圈文案，介绍新到的白茶", "我喜欢简短的回答，直接给结论",
            "周末想去龙井村进货，路线怎么安排", "怎么跟供应商谈价格", "最近睡眠不好，喝茶会有影响吗");
}
