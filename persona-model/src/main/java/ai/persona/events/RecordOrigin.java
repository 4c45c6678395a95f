package ai.persona.events;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import ai.persona.input.LogText;

/**
 * The producer check every consumer makes before it reads a record: its CloudEvents {@code ce_source} must be the
 * topic's producer in {@link EventContract} and its {@code ce_type} the topic's type, tombstones included. A record that
 * fails goes to the dead-letter topic, counted by {@link #METRIC}.
 *
 * <p>{@code ce_source} is a claim the producer makes about itself: this stops mistakes (a service or tool writing the
 * wrong topic, a record copied from elsewhere, a test client left pointing at production), not a hostile client, which
 * can write any header. Only the broker's authentication and ACLs stop that (docs/events.md, "Who may produce").
 */
public final class RecordOrigin {

    /** The binary-mode CloudEvents headers checked. */
    public static final String SOURCE_HEADER = "ce_source";
    public static final String TYPE_HEADER = "ce_type";

    /** Counter of refused records, tagged {@code topic} (never with the claimed source: anyone may write anything). */
    public static final String METRIC = "persona.events.refused";
    public static final String METRIC_TOPIC_TAG = "topic";

    private RecordOrigin() {
    }

    /**
     * @param header the value of the record's last header of a name, or null when it has none
     * @return why the record is refused, or null when the contract's producer wrote it
     */
    public static String problem(EventContract event, Function<String, byte[]> header) {
        String source = text(header.apply(SOURCE_HEADER));
        String type = text(header.apply(TYPE_HEADER));
        String producer = event.producer().id();
        if (!producer.equals(source)) {
            return source == null ? "a record on " + event.topic() + " without " + SOURCE_HEADER + ": only " + producer
                    + " produces it"
                    : SOURCE_HEADER + " '" + LogText.escape(source) + "' is not " + producer + ", the only producer of "
                            + event.topic();
        }
        if (!event.cloudEventType().equals(type)) {
            return TYPE_HEADER + " '" + (type == null ? "" : LogText.escape(type)) + "' is not "
                    + event.cloudEventType() + ", the type of " + event.topic();
        }
        return null;
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
