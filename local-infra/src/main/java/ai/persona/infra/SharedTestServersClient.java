package ai.persona.infra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/** Calls {@link SharedTestServers} as loaded by the system class loader, whichever class loader this copy is in. */
final class SharedTestServersClient {

    private SharedTestServersClient() {
    }

    static String kafkaBootstrapServers() {
        return (String) call("kafkaBootstrapServers");
    }

    static void createTopics(String topics) {
        call("createTopics", topics);
    }

    static boolean kafkaIsEmbedded() {
        return (Boolean) call("kafkaIsEmbedded");
    }

    static void stopKafkaBroker() {
        call("stopKafkaBroker");
    }

    static void startKafkaBroker() {
        call("startKafkaBroker");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> postgres(String database) {
        return (Map<String, String>) call("postgres", database);
    }

    private static Object call(String method, String... args) {
        Class<?>[] types = new Class<?>[args.length];
        Arrays.fill(types, String.class);
        try {
            Method target = sharedClass().getMethod(method, types);
            return target.invoke(null, (Object[]) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach " + SharedTestServers.class.getName(), e);
        }
    }

    private static Class<?> sharedClass() {
        try {
            return Class.forName(SharedTestServers.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            // a launcher that keeps the test class path off the system class loader: share within this loader only
            return SharedTestServers.class;
        }
    }
}
