package ai.persona.updater.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.MessageRole;
import ai.persona.model.PatchOperation;
import ai.persona.updater.llm.OptimizerMode;

class EvidenceCheckTest {

    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();
    private static final List<ConversationCompleted> SESSIONS = List.of(ConversationCompleted.of("s1", "u1", AT,
            AT.plusSeconds(60), List.of(
                    ChatMessage.of(MessageRole.USER, "我开了一家小茶馆，想问问秋天进什么茶。请尽可能简短。", AT),
                    ChatMessage.of(MessageRole.ASSISTANT, "秋天适合进乌龙茶和熟普洱，口感温润。", AT))));

    private final EvidenceCheck check = new EvidenceCheck(true, 10);

    private static PatchOperation change(String value, String reason) {
        return PatchOperation.add("/Pattern/Usage_Pattern", JsonNodeFactory.instance.textNode(value), reason);
    }

    private List<String> codes(OptimizerMode mode, PatchOperation op) {
        return check.check(mode, List.of(op), EMPTY, SESSIONS).stream().map(Finding::code).toList();
    }

    @Test
    void aReasonThatAdmitsInferenceIsRejectedInConservativeModeOnly() {
        PatchOperation inferred = change("经营茶馆，关注季节性进货", "用户可能在为茶馆做季节性采购");
        PatchOperation english = change("plans seasonal purchases", "The user likely plans purchases by season");

        assertThat(codes(OptimizerMode.CONSERVATIVE, inferred)).containsExactly(Finding.INFERRED);
        assertThat(codes(OptimizerMode.CONSERVATIVE, english)).containsExactly(Finding.INFERRED);
        assertThat(codes(OptimizerMode.PAPER, inferred)).isEmpty();
        assertThat(codes(OptimizerMode.PAPER, english)).isEmpty();
    }

    @Test
    void anInferenceQuotingTheUserOrAReasonWithoutInferenceIsAccepted() {
        assertThat(codes(OptimizerMode.CONSERVATIVE, change("经营茶馆", "用户说“我开了一家小茶馆”，可能常问进货")))
                .isEmpty();
        assertThat(codes(OptimizerMode.CONSERVATIVE, change("回答尽量简短", "用户要求尽可能简短"))).isEmpty();
        assertThat(codes(OptimizerMode.CONSERVATIVE, change("asks for suggestions on tea", "the user asked for suggestions")))
                .isEmpty();
    }

    @Test
    void theAssistantsOwnTextIsRejectedInBothModes() {
        PatchOperation copied = change("秋天适合进乌龙茶和熟普洱", "用户提到秋天进茶");

        assertThat(codes(OptimizerMode.CONSERVATIVE, copied)).containsExactly(Finding.NOT_SAID_BY_USER);
        assertThat(codes(OptimizerMode.PAPER, copied)).containsExactly(Finding.NOT_SAID_BY_USER);
    }
}
