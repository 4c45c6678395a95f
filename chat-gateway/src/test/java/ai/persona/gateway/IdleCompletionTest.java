package ai.persona.gateway;

import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;
import ai.persona.gateway.support.SessionStore;
import ai.persona.gateway.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(IdleCompletionTest.TinyIdleTimeout.class)
class IdleCompletionTest {

    /** Sessions idle for two seconds complete; the sweeper looks every second. */
    public static class TinyIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.sessions.idle-timeout", "PT2S", "gateway.sessions.idle-sweep-every", "1s");
        }
    }

    @Test
    void anIdleSessionCompletesAndIsPublishedByItself() {
        String user = newUser("idle");
        String session = newSession(user);
        say(user, session, "then silence " + user);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> SessionStore.session(user, session).getString("publishedAt") != null);

        assertThat(SessionStore.session(user, session).getString("endReason")).isEqualTo("idle");
        assertThat(TopicReader.recordsFor(EventContract.CONVERSATION_COMPLETED.topic(), user))
                .extracting(record -> TopicReader.header(record, "ce_id")).containsExactly(session);
    }
}
