package ai.persona.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;
import ai.persona.events.RecordOrigin;
import ai.persona.infra.EmbeddedKafkaBroker;
import ai.persona.infra.TopicSpec;

class TestKafkaTest {

    private static final String TOPIC = EventContract.CONVERSATION_COMPLETED.topic();

    private static EmbeddedKafkaBroker broker;
    private static TestKafka kafka;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(TopicSpec.of(TOPIC, 3), TopicSpec.of(EventContract.PERSONA_CHANGED.topic(), 1));
        kafka = TestKafka.at(broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void readsEveryAcknowledgedRecordOfEveryPartitionUpToTheEndOffsets() {
        List<Map.Entry<String, String>> sent = IntStream.range(0, 30)
                .mapToObj(i -> Map.entry("reader-user-" + (i % 5), "value-" + i))
                .toList();
        kafka.sendAll(TOPIC, sent);

        assertThat(kafka.records(TOPIC)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(Map.Entry::getValue).toList());
        assertThat(kafka.records(TOPIC, "reader-user-2")).extracting(ConsumerRecord::value)
                .containsExactly("value-2", "value-7", "value-12", "value-17", "value-22", "value-27");
    }

    @Test
    void anEmptyTopicReadsAsEmpty() {
        assertThat(kafka.records(EventContract.PERSONA_CHANGED.topic(), "nobody")).isEmpty();
    }

    @Test
    void sendsWithTheCloudEventsSourceAndTypeOfTheTopicsProducerOrTheOneGiven() {
        kafka.send(TOPIC, "header-user", "as the contract says");
        kafka.sendFrom("someone-else", TOPIC, "header-user", "forged");

        List<ConsumerRecord<String, String>> records = kafka.records(TOPIC, "header-user");
        assertThat(records).extracting(r -> TestKafka.header(r, RecordOrigin.SOURCE_HEADER))
                .containsExactly(EventContract.CONVERSATION_COMPLETED.producer().id(), "someone-else");
        assertThat(records).extracting(r -> TestKafka.header(r, RecordOrigin.TYPE_HEADER))
                .containsOnly(EventContract.CONVERSATION_COMPLETED.cloudEventType());
    }

    @Test
    void aReplayIsACopyWithTheOriginalHeaders() {
        kafka.sendFrom("original-producer", TOPIC, "replay-user", "once");

        kafka.replay(kafka.records(TOPIC, "replay-user").get(0));

        assertThat(kafka.records(TOPIC, "replay-user")).extracting(r -> r.value() + "/"
                + TestKafka.header(r, RecordOrigin.SOURCE_HEADER)).containsExactly("once/original-producer",
                        "once/original-producer");
    }
}
