package ai.persona.deploy.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.deploy.DeployTree;
import ai.persona.deploy.Finding;

/** The committed copy of a generated manifest against a generated file written here from it. */
class StaleCopyCheckTest {

    @Test
    void aStaleCopyIsReportedWhereItDiffers(@TempDir Path dir) throws IOException {
        Path generated = dir.resolve("generated.yml");
        Path committed = dir.resolve("committed.yaml");
        String fresh = Files.readString(DeployTree.K8S.resolve("services/session-service.yaml"));
        Files.writeString(generated, fresh);
        // key order is not significant; a comment neither
        Files.writeString(committed, "# header\n" + fresh.replace("      port: 8081\n      protocol: TCP\n",
                "      protocol: TCP\n      port: 8081\n"));
        assertThat(StaleCopyCheck.check(committed, generated, "regen")).isEmpty();

        // nor the order of a container's ports (the API and the management port)
        String management = "            - containerPort: 9000\n              name: management\n              protocol: TCP\n";
        assertThat(fresh).contains(management);
        Files.writeString(committed, fresh.replace(management, "").replace("          ports:\n",
                "          ports:\n" + management));
        assertThat(StaleCopyCheck.check(committed, generated, "regen")).isEmpty();

        Files.writeString(committed, fresh.replace("memory: 768Mi", "memory: 512Mi"));
        assertThat(StaleCopyCheck.check(committed, generated, "regen")).extracting(Finding::toString).containsExactly(
                "committed.yaml: Deployment/session-service is stale at /spec/template/spec/containers/0/resources/limits/memory "
                        + "(committed: \"512Mi\", generated: \"768Mi\"); run regen");
    }

    @Test
    void aResourceMissingFromTheCopyOrNoLongerGeneratedIsReported(@TempDir Path dir) throws IOException {
        Path generated = dir.resolve("generated.yml");
        Path committed = dir.resolve("committed.yaml");
        Files.writeString(generated, "kind: Service\nmetadata: {name: a}\n---\nkind: Deployment\nmetadata: {name: a}\n");
        Files.writeString(committed, "kind: Service\nmetadata: {name: a}\n---\nkind: ConfigMap\nmetadata: {name: old}\n");

        assertThat(StaleCopyCheck.check(committed, generated, "regen")).extracting(Finding::message).containsExactly(
                "Deployment/a is generated but missing from the copy; run regen",
                "ConfigMap/old is no longer generated; run regen");
    }
}
