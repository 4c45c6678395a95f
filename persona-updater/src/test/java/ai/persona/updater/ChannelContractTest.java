package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;

/** The channels are configured in properties, but their topics and CloudEvents type are defined by EventContract. */
class ChannelContractTest {

    @Test
    void everyChannelUsesTheTopicAndTypeOfTheEventContract() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            config.load(in);
        }

        assertThat(config.getProperty("mp.messaging.incoming.conversations.topic"))
                .isEqualTo(EventContract.CONVERSATION_COMPLETED.topic());
        assertThat(config.getProperty("mp.messaging.incoming.persona-changed.topic"))
                .isEqualTo(EventContract.PERSONA_CHANGED.topic());
        assertThat(config.getProperty("mp.messaging.incoming.session-events.topic"))
                .isEqualTo(EventContract.SESSION_EVENT.topic());
        assertThat(config.getProperty("mp.messaging.outgoing.persona-patches.topic"))
                .isEqualTo(EventContract.PERSONA_PATCH_PROPOSED.topic());
        assertThat(config.getProperty("mp.messaging.outgoing.persona-patches.cloud-events-type"))
                .isEqualTo(EventContract.PERSONA_PATCH_PROPOSED.cloudEventType());
        assertThat(config.getProperty("mp.messaging.incoming.conversations.dead-letter-queue.topic"))
                .isEqualTo(EventContract.DEAD_LETTER_TOPIC);
        assertThat(config.getProperty("mp.messaging.incoming.persona-changed.dead-letter-queue.topic"))
                .isEqualTo(EventContract.DEAD_LETTER_TOPIC);
        assertThat(config.getProperty("mp.messaging.outgoing.dead-letters.topic"))
                .isEqualTo(EventContract.DEAD_LETTER_TOPIC);
    }
}
