package ai.persona.infra;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicSpecTest {

    @Test
    void parsesTheInitArgumentForm() {
        assertEquals(List.of(TopicSpec.of("events", 1), TopicSpec.of("updates", 3), TopicSpec.compacted("state", 2)),
                TopicSpec.parseList(" events, updates:3 ,state:2:compact,"));
        assertEquals(List.of(), TopicSpec.parseList(""));
        assertEquals(List.of(), TopicSpec.parseList(null));
    }

    @Test
    void rejectsWhatItCannotMean() {
        assertThrows(IllegalArgumentException.class, () -> TopicSpec.parseList("state:2:compacted"));
        assertThrows(IllegalArgumentException.class, () -> TopicSpec.parseList("events:0"));
        assertThrows(IllegalArgumentException.class, () -> TopicSpec.parseList("events:many"));
        assertThrows(IllegalArgumentException.class, () -> TopicSpec.parseList(":3"));
    }
}
