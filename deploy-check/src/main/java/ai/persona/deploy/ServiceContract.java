package ai.persona.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service needs from its deployment, read from its {@code application.properties} over the configuration the
 * services share (service-runtime's {@code META-INF/microprofile-config.properties}), as the packaged application sees
 * it (the {@code prod} profile): the environment variables it reads, and the Kafka topics it uses.
 *
 * @param name the service, also the name of its Deployment and container
 * @param properties the configuration in the prod profile ({@code %prod.} keys applied, other profiles' dropped)
 * @param mustSet variables that have a default for local runs but that production must set (database, broker, model)
 */
public record ServiceContract(String name, Map<String, String> properties, Set<String> mustSet) {

    /** {@code ${NAME}} or {@code ${NAME:default}}: the names of environment variables are upper case. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");

    public ServiceContract {
        properties = Map.copyOf(properties);
        mustSet = Set.copyOf(mustSet);
    }

    /** The configuration the services share, below each one's own, relative to a service's module folder. */
    static final String SHARED = "../service-runtime/src/main/resources/META-INF/microprofile-config.properties";

    /** Reads {@code <moduleDir>/src/main/resources/application.properties} over the shared configuration. */
    public static ServiceContract read(String name, Path moduleDir, Set<String> mustSet) {
        Properties raw = new Properties();
        load(raw, moduleDir.resolve(SHARED).normalize());
        load(raw, moduleDir.resolve("src/main/resources/application.properties"));
        return of(name, raw, mustSet);
    }

    public static ServiceContract of(String name, String properties, Set<String> mustSet) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(name, raw, mustSet);
    }

    /** Later files go over earlier ones, as a higher ordinal does. */
    private static void load(Properties raw, Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ServiceContract of(String name, Properties raw, Set<String> mustSet) {
        Map<String, String> prod = new LinkedHashMap<>();
        raw.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).sorted()
                .forEach(k -> prod.put(k, raw.getProperty(k)));
        raw.stringPropertyNames().stream().filter(k -> k.startsWith("%prod.")).sorted()
                .forEach(k -> prod.put(k.substring("%prod.".length()), raw.getProperty(k)));
        return new ServiceContract(name, prod, mustSet);
    }

    /** Every environment variable the configuration refers to, with or without a default. */
    public Set<String> envReferences() {
        return references(false);
    }

    /** The variables referred to without a default: the application does not start without them. */
    public Set<String> envWithoutDefault() {
        return references(true);
    }

    /** What the Deployment must provide: the variables without a default, and those production must set. */
    public Set<String> requiredEnv() {
        Set<String> required = new TreeSet<>(envWithoutDefault());
        required.addAll(mustSet);
        return required;
    }

    /** Topics read by the service's Kafka channels. */
    public Set<String> consumedTopics() {
        return channelTopics("incoming", false);
    }

    /** Topics written by its outgoing Kafka channels and by the dead-letter queues of its incoming ones. */
    public Set<String> producedTopics() {
        Set<String> produced = channelTopics("outgoing", false);
        produced.addAll(channelTopics("incoming", true));
        return produced;
    }

    public Set<String> topics() {
        Set<String> all = consumedTopics();
        all.addAll(producedTopics());
        return all;
    }

    private Set<String> references(boolean withoutDefaultOnly) {
        Set<String> names = new TreeSet<>();
        for (String value : properties.values()) {
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                if (!withoutDefaultOnly || m.group(2).isEmpty()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** As SmallRye Reactive Messaging resolves them: the topic defaults to the channel name. */
    private Set<String> channelTopics(String direction, boolean deadLetters) {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.keySet()) {
            Matcher m = CHANNEL.matcher(key);
            if (!m.matches() || !m.group(1).equals(direction) || !"smallrye-kafka".equals(properties.get(key))) {
                continue;
            }
            String channel = m.group(2);
            String prefix = "mp.messaging." + direction + "." + channel + ".";
            if (!deadLetters) {
                topics.add(properties.getOrDefault(prefix + "topic", channel));
            } else if ("dead-letter-queue".equals(properties.get(prefix + "failure-strategy"))) {
                topics.add(properties.getOrDefault(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + channel));
            }
        }
        return topics;
    }
}
