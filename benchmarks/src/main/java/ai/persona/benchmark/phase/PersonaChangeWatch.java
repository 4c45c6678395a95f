package ai.persona.benchmark.phase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import ai.persona.events.EventContract;

/**
 * When each user's persona version became visible to the world: the arrival of its PersonaChanged event on the
 * compacted topic, read from the end of the topic as any follower would.
 */
final class PersonaChangeWatch implements AutoCloseable {

    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    PersonaChangeWatch(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        String topic = EventContract.PERSONA_CHANGED.topic();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.key() != null && record.value() != null) {
                            firstArrival.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            }
        }, "persona-changed-watch");
        poller.setDaemon(true);
        poller.start();
    }

    /** System.nanoTime() of the user's first persona change since the watch began, or null. */
    Long arrival(String userId) {
        return firstArrival.get(userId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5000);
    }
}
