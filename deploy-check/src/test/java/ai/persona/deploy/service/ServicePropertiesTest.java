package ai.persona.deploy.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.deploy.DeployTree;

/**
 * A service's configuration in two layers, as its packaged application resolves it: its application.properties
 * (ordinal 250) over the shared runtime's META-INF/microprofile-config.properties (100), in the prod profile.
 */
class ServicePropertiesTest {

    private static final String SHARED = """
            shared.only=${SHARED_VAR}
            both=shared
            %prod.profiled.in.shared=shared-prod
            plain.in.shared.profiled.in.service=shared
            %test.test.only=${TEST_ONLY}
            mp.messaging.incoming.changes.connector=smallrye-kafka
            mp.messaging.incoming.changes.topic=persona.changed.v1
            """;
    private static final String APPLICATION = """
            both=service
            profiled.in.shared=service-plain
            %prod.plain.in.shared.profiled.in.service=service-prod
            %dev,prod.multi=${MULTI}
            """;

    @Test
    void theServiceFileWinsOverTheSharedFileAndSharedKeysStillCount() {
        var properties = ServiceProperties.of(APPLICATION, SHARED);

        assertThat(properties).containsEntry("shared.only", "${SHARED_VAR}")
                .containsEntry("both", "service")
                .containsEntry("plain.in.shared.profiled.in.service", "service-prod")
                .containsEntry("multi", "${MULTI}")
                .doesNotContainKey("test.only");
    }

    @Test
    void aProdKeyOverridesOnlyThePlainKeyOfItsOwnFile() {
        // MicroProfile Config 3.1: a plain key of a higher-ordinal source beats a profiled key of a lower one
        assertThat(ServiceProperties.of(APPLICATION, SHARED)).containsEntry("profiled.in.shared", "service-plain");
        assertThat(ServiceProperties.of("", SHARED)).containsEntry("profiled.in.shared", "shared-prod");
    }

    @Test
    void variablesAndTopicsOfTheSharedFileAreTheServicesToo() {
        ServiceContract contract = ServiceContract.of("svc", APPLICATION, SHARED, Set.of());

        assertThat(contract.envWithoutDefault()).containsExactlyInAnyOrder("SHARED_VAR", "MULTI");
        assertThat(contract.consumedTopics()).containsExactly("persona.changed.v1");
    }

    @Test
    void bothFilesAreReadFromTheModuleAndAnAbsentSharedFileIsAnEmptyLayer(@TempDir Path dir) throws IOException {
        Path application = dir.resolve("src/main/resources/application.properties");
        Files.createDirectories(application.getParent());
        Files.writeString(application, APPLICATION);
        Path shared = dir.resolve("microprofile-config.properties");
        Files.writeString(shared, SHARED);

        assertThat(ServiceContract.read("svc", dir, shared, Set.of()).envWithoutDefault())
                .containsExactlyInAnyOrder("SHARED_VAR", "MULTI");
        assertThat(ServiceContract.read("svc", dir, dir.resolve("absent.properties"), Set.of()).envWithoutDefault())
                .containsExactly("MULTI");
    }

    /**
     * What the move of the configuration the services share into service-runtime does: every key the three
     * application.properties hold with the same value goes to the shared file; each service's contract stays the same.
     */
    @Test
    void movingWhatTheServicesShareIntoTheSharedFileChangesNoServicesContract(@TempDir Path dir) throws IOException {
        List<Properties> own = DeployTree.SERVICES.stream().map(s -> load(application(DeployTree.ROOT.resolve(s.name()))))
                .toList();
        Properties shared = Files.exists(DeployTree.SHARED_CONFIG) ? load(DeployTree.SHARED_CONFIG) : new Properties();
        for (String key : own.get(0).stringPropertyNames()) {
            String value = own.get(0).getProperty(key);
            if (own.stream().allMatch(p -> value.equals(p.getProperty(key)))) {
                shared.setProperty(key, value);
                own.forEach(p -> p.remove(key));
            }
        }
        assertThat(shared.stringPropertyNames()).hasSizeGreaterThan(10);
        Path sharedFile = store(shared, dir.resolve("shared.properties"));

        for (int i = 0; i < own.size(); i++) {
            ServiceContract before = DeployTree.SERVICES.get(i);
            store(own.get(i), application(dir.resolve(before.name())));
            ServiceContract after = ServiceContract.read(before.name(), dir.resolve(before.name()), sharedFile,
                    before.mustSet());
            assertThat(after.properties()).isEqualTo(before.properties());
            assertThat(after.requiredEnv()).isEqualTo(before.requiredEnv());
        }
    }

    private static Path application(Path module) {
        return module.resolve("src/main/resources/application.properties");
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static Path store(Properties properties, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
        return file;
    }
}
