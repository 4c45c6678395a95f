package ai.persona.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.eval.llm.Usage;

class ResultStoreTest {

    @TempDir
    Path folder;

    @Test
    void aLineCutShortByAKillIsDroppedAndTheNextAppendStartsClean() throws IOException {
        ResultStore store = new ResultStore(folder);
        store.save(conversation(1));
        Files.writeString(folder.resolve(ResultStore.CONVERSATIONS), "{\"key\":{\"personaIndex\":0,",
                StandardOpenOption.APPEND);

        ResultStore reopened = new ResultStore(folder);
        reopened.save(conversation(2));

        ResultStore again = new ResultStore(folder);
        assertThat(again.conversation(conversation(1).key())).isEqualTo(conversation(1));
        assertThat(again.conversation(conversation(2).key())).isEqualTo(conversation(2));
        assertThat(Files.readAllLines(folder.resolve(ResultStore.CONVERSATIONS))).hasSize(2);
    }

    private static Conversation conversation(int scene) {
        return new Conversation(new CellKey(0, "林晓", "golden", scene), "u", "s" + scene, "问题", "回答", 2, true, 0,
                List.of(Turn.user("问题"), Turn.assistant("回答")), Map.of("assistant", new Usage(1, 10, 5)), 12, 0);
    }
}
