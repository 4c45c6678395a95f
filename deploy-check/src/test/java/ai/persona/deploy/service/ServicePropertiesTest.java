package ai.persona.deploy.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
