package ai.persona.eval.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.Scene;
import ai.persona.eval.config.Protocol;
import ai.persona.eval.llm.Answer;
import ai.persona.eval.llm.RateLimiter;
import ai.persona.eval.llm.Roles;
import ai.persona.eval.llm.TokenTally;
import ai.persona.eval.llm.Usage;
import ai.persona.eval.llm.Verdicts.UserTurn;
import ai.persona.eval.llm.Verdicts.Verdict;
import ai.persona.eval.stack.AssistantChat;
import ai.persona.eval.stack.Deployment;

/**
 * Plays one scene as the paper does: the simulated user opens with the neutralized query, the assistant (through the
 * gateway) replies, calling the scene's APIs as tools when it wants (the tool executor answers), and after each reply
 * the simulator says satisfied or writes the next message, up to the cap on the user's messages. Under the paper
 * protocol every request starts with the paper's chatbot prompt (scene and APIs), and the simulator is two prompts: a
 * satisfaction check, then, only when not satisfied and below the cap, a follow-up writer that never sees the expected
 * response.
 */
public final class SceneRunner {

    private final Deployment deployment;
    private final Roles roles;
    private final RateLimiter limiter;
    private final TokenTally tally;
    private final int maxTurns;
    private final int maxToolRounds;
    private final Duration timeout;
    private final Protocol protocol;

    public SceneRunner(Deployment deployment, Roles roles, RateLimiter limiter, TokenTally tally, int maxTurns,
            int maxToolRounds, Duration timeout, Protocol protocol) {
        this.protocol = protocol;
        this.deployment = deployment;
        this.roles = roles;
        this.limiter = limiter;
        this.tally = tally;
        this.maxTurns = maxTurns;
        this.maxToolRounds = maxToolRounds;
        this.timeout = timeout;
    }

    public Conversation play(CellKey key, String userId, String token, String model, BenchPersona persona,
            Scene scene) {
        long started = System.nanoTime();
        Map<String, Usage> usage = new HashMap<>();
        String sessionId = deployment.openSession(token);
        AssistantChat chat = new AssistantChat(deployment.openAiBaseUrl(), token, model, sessionId, timeout, limiter);
        List<ToolSpecification> tools = AssistantChat.tools(scene);
        List<ChatMessage> messages = new ArrayList<>();
        if (protocol.sceneInPrompt()) {
            messages.add(SystemMessage.from(Roles.scenePrompt(scene)));
        }
        List<Turn> transcript = new ArrayList<>();
        String query = opening(scene);
        String userText = query;
        String firstReply = null;
        Integer utterances = 0;
        boolean satisfied = false;
        int toolCalls = 0;
        int firstReplyToolCalls = 0;
        while (true) {
            messages.add(UserMessage.from(userText));
            transcript.add(Turn.user(userText));
            utterances++;
            ChatResponse response = chat.reply(messages, tools);
            add(usage, "assistant", response);
            for (int round = 0; round < maxToolRounds && response.aiMessage().hasToolExecutionRequests(); round++) {
                messages.add(response.aiMessage());
                for (ToolExecutionRequest call : response.aiMessage().toolExecutionRequests()) {
                    Answer result = roles.executeTool(scene, call.name(), call.arguments());
                    usage.merge("tool-executor", result.usage(), Usage::plus);
                    messages.add(ToolExecutionResultMessage.from(call, result.text()));
                    transcript.add(Turn.tool(call.name(), call.arguments(), result.text()));
                    toolCalls++;
                }
                response = chat.reply(messages, tools);
                add(usage, "assistant", response);
            }
            String reply = replyText(response);
            messages.add(AiMessage.from(reply));
            transcript.add(Turn.assistant(reply));
            if (firstReply == null) {
                firstReply = reply;
                firstReplyToolCalls = toolCalls;
            }
            Verdict<UserTurn> verdict = nextUserTurn(persona, scene, transcript, utterances >= maxTurns, usage);
            if (verdict.value().isEmpty()) {
                utterances = null;
                break;
            }
            if (verdict.value().get().satisfied()) {
                satisfied = true;
                break;
            }
            if (utterances >= maxTurns) {
                break;
            }
            userText = verdict.value().get().message();
        }
        deployment.endSession(token, sessionId);
        return new Conversation(key, userId, sessionId, query, firstReply, utterances, satisfied, toolCalls,
                transcript, usage, Duration.ofNanos(System.nanoTime() - started).toMillis(), firstReplyToolCalls);
    }

    // strict: one prompt decides and writes; paper: the check, then the writer only when there is a turn left
    private Verdict<UserTurn> nextUserTurn(BenchPersona persona, Scene scene, List<Turn> transcript, boolean atCap,
            Map<String, Usage> usage) {
        String conversation = render(transcript);
        if (!protocol.paper()) {
            Verdict<UserTurn> verdict = roles.nextUserTurn(persona.golden(), scene, conversation);
            usage.merge("simulator", verdict.usage(), Usage::plus);
            return verdict;
        }
        Verdict<Boolean> check = roles.satisfied(persona.golden(), scene, conversation);
        usage.merge("simulator", check.usage(), Usage::plus);
        if (check.value().isEmpty() || check.value().get() || atCap) {
            return new Verdict<>(check.value().map(satisfied -> new UserTurn(satisfied, null)), check.attempts(),
                    check.usage());
        }
        Verdict<String> next = roles.followUp(persona.golden(), scene, conversation);
        usage.merge("simulator", next.usage(), Usage::plus);
        return new Verdict<>(next.value().map(message -> new UserTurn(false, message)), next.attempts(),
                next.usage());
    }

    static String opening(Scene scene) {
        return scene.neutralizedQuery() != null && !scene.neutralizedQuery().isBlank() ? scene.neutralizedQuery()
                : scene.personalizedQuery();
    }

    /** The conversation as the user saw it: their messages and the assistant's replies, not the tool traffic. */
    static String render(List<Turn> transcript) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : transcript) {
            if (!turn.role().equals("tool")) {
                text.append(turn.role().equals("user") ? "User: " : "Assistant: ").append(turn.content()).append("\n\n");
            }
        }
        return text.toString().strip();
    }

    // an assistant still calling tools after the last round has said nothing to the user: that is its reply
    private static String replyText(ChatResponse response) {
        String text = response.aiMessage().text();
        return text == null || text.isBlank() ? "(no reply)" : text;
    }

    private void add(Map<String, Usage> usage, String role, ChatResponse response) {
        Usage spent = response.tokenUsage() == null ? new Usage(1, 0, 0)
                : new Usage(1, orZero(response.tokenUsage().inputTokenCount()),
                        orZero(response.tokenUsage().outputTokenCount()));
        usage.merge(role, spent, Usage::plus);
        tally.add(role, spent);
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
