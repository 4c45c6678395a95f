package ai.persona.deploy.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service needs from its deployment, read from its configuration as the packaged application sees it (the
 * {@code prod} profile, its {@code application.properties} over the shared runtime's, see {@link ServiceProperties}):
 * the environment variables it reads, and the Kafka topics it uses.
 *
 * @param name the service, also the name of its Deployment and container
 * @param properties the configuration in the prod profile, values unexpanded
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

    /**
     * Reads {@code <moduleDir>/src/main/resources/application.properties} over {@code shared}, the
     * {@code META-INF/microprofile-config.properties} of the runtime every service has on its classpath (absent: none).
     */
    public static ServiceContract read(String name, Path moduleDir, Path shared, Set<String> mustSet) {
        Path application = moduleDir.resolve("src/main/resources/application.properties");
        return new ServiceContract(name, ServiceProperties.read(application, shared), mustSet);
    }

    /** From the text of a service's application.properties and of the shared file, for tests. */
    public static ServiceContract of(String name, String application, String shared, Set<String> mustSet) {
        return new ServiceContract(name, ServiceProperties.of(application, shared), mustSet);
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
