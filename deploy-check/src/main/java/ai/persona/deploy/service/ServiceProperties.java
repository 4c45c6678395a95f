package ai.persona.deploy.service;

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

import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A service's configuration as its packaged application resolves it, in the {@code prod} profile: its own
 * {@code application.properties} over the {@code META-INF/microprofile-config.properties} of the runtime the three
 * services share. SmallRye Config resolves it (the ordinals below, and a {@code %prod.} key only overriding the plain
 * key of its own file); values stay unexpanded, so the {@code ${VAR}} a service reads can be found in them.
 */
public final class ServiceProperties {

    /** Quarkus reads a module's {@code application.properties} at this ordinal. */
    static final int APPLICATION_ORDINAL = 250;
    /** MicroProfile Config's default ordinal, that of {@code META-INF/microprofile-config.properties}. */
    static final int SHARED_ORDINAL = 100;
    private static final String PROFILE = "prod";

    private ServiceProperties() {
    }

    /** Reads both files; a shared file that does not exist is an empty layer. */
    public static Map<String, String> read(Path application, Path shared) {
        return resolve(load(application), Files.exists(shared) ? load(shared) : Map.of());
    }

    /** The same from the files' text, for tests. */
    public static Map<String, String> of(String application, String shared) {
        return resolve(parse(new StringReader(application), "application"), parse(new StringReader(shared), "shared"));
    }

    private static Map<String, String> resolve(Map<String, String> application, Map<String, String> shared) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(PROFILE)
                .withSources(new PropertiesConfigSource(shared, "shared microprofile-config.properties", SHARED_ORDINAL))
                .withSources(new PropertiesConfigSource(application, "application.properties", APPLICATION_ORDINAL))
                .build();
        Set<String> names = new TreeSet<>();
        application.keySet().forEach(k -> names.add(unprofiled(k)));
        shared.keySet().forEach(k -> names.add(unprofiled(k)));
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String name : names) {
            ConfigValue value = Expressions.withoutExpansion(() -> config.getConfigValue(name));
            if (value.getRawValue() != null) {
                resolved.put(name, value.getRawValue());
            }
        }
        return resolved;
    }

    /** {@code %prod.a.b} and {@code %dev,test.a.b} name {@code a.b}. */
    private static String unprofiled(String key) {
        return key.startsWith("%") && key.indexOf('.') > 0 ? key.substring(key.indexOf('.') + 1) : key;
    }

    private static Map<String, String> load(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> parse(Reader in, String name) {
        Properties properties = new Properties();
        try {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
