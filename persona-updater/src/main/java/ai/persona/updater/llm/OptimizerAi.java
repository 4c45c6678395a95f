package ai.persona.updater.llm;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/**
 * The persona optimizer's model. It answers with one JSON object of field changes in the message content rather than with
 * tool calls: JSON mode ({@code response_format: json_object}) is served by almost every OpenAI-compatible local server
 * (Ollama, llama.cpp, vLLM, LM Studio), while tool calling depends on each model's chat template and small models often
 * emit it broken or not at all; and a tool-calling loop sends the tool results back for another completion, whereas one
 * JSON answer keeps the design's single call per batch. Every call is independent: no chat memory.
 * <p>
 * {@code neverStore} fills rule 7 of the system prompt: the sensitive-data categories of this deployment
 * (SensitiveDataPolicy). The paper's optimizer prompt has no such rule; it is added because session-service rejects a
 * whole patch holding such data, so a model that knows the rule loses fewer batches (docs/persona-guard.md).
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface OptimizerAi {

    @SystemMessage(fromResource = "prompts/optimizer-system.txt")
    @UserMessage(fromResource = "prompts/optimizer-user.txt")
    Result<String> propose(String schema, long version, String persona, String sessions, String neverStore);

    /** The one repair attempt: the same input, the rejected answer and why it was rejected. */
    @SystemMessage(fromResource = "prompts/optimizer-system.txt")
    @UserMessage(fromResource = "prompts/optimizer-repair.txt")
    Result<String> repair(String schema, long version, String persona, String sessions, String previousAnswer,
            String problems, String neverStore);
}
