package ai.persona.updater.llm;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/**
 * The optimizer model in mode {@code paper}: the same endpoint, answer format and repair as {@link OptimizerAi}, with
 * the prompt ported from the paper's released code (prompts/paper/, whose header says what it follows and where it
 * departs). The persona and schema go in the system message there, as the released code puts the persona.
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface PaperOptimizerAi {

    @SystemMessage(fromResource = "prompts/paper/optimizer-system.txt")
    @UserMessage(fromResource = "prompts/paper/optimizer-user.txt")
    Result<String> propose(String schema, long version, String persona, String sessions, String neverStore);

    @SystemMessage(fromResource = "prompts/paper/optimizer-system.txt")
    @UserMessage(fromResource = "prompts/paper/optimizer-repair.txt")
    Result<String> repair(String schema, long version, String persona, String sessions, String previousAnswer,
            String problems, String neverStore);
}
