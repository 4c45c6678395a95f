package ai.persona.gateway.support;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.crypto.ContentKey;
import ai.persona.events.ConversationCompleted;
import ai.persona.gateway.keys.ContentKeyClient;
import ai.persona.model.PersonaJson;
import io.quarkus.arc.Arc;

/**
 * Users' content as the topics carry it, sealed under their content key: opened for the tests' assertions with the key
 * from the real session-service, fetched as the gateway fetches it.
 */
public final class SealedRecords {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SealedRecords() {
    }

    public static ContentKeyClient keys() {
        return Arc.container().select(ContentKeyClient.class, RestClient.LITERAL).get();
    }

    /** The user's key, made when they have none, as the gateway gets it before a turn. */
    public static ContentKey keyFor(String userId) {
        return keys().current(userId).await().atMost(WAIT);
    }

    /** A published completion, opened with its user's key. */
    public static ConversationCompleted opened(ConsumerRecord<String, String> record) throws Exception {
        ConversationCompleted completed = PersonaJson.mapper().readValue(record.value(), ConversationCompleted.class);
        return completed.opened(keyFor(completed.userId()));
    }
}
