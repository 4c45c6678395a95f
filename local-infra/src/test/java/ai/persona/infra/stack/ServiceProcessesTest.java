package ai.persona.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.infra.FakeQuarkusApp;
import ai.persona.infra.QuarkusAppProcess;

/** Kill and restart as the fault tests use them, on a stand-in app laid out where a packaged service would be. */
class ServiceProcessesTest {

    @TempDir
    Path root;

    @Test
    void aKilledServiceComesBackOnItsPortsWithItsConfigurationInTheSameLog() throws Exception {
        fakeServiceJar("fake-service");
        StackOptions options = StackOptions.of(root, root.resolve("logs"), "http://localhost:1/v1/");
        try (ServiceProcesses processes = new ServiceProcesses(options)) {
            processes.start("fake-service", Map.of("greeting", "hello"));
            QuarkusAppProcess first = processes.get("fake-service");

            processes.kill("fake-service");
            assertFalse(first.isAlive());
            assertThrows(IOException.class, () -> ready(first.managementUrl()));

            processes.restart("fake-service");
            QuarkusAppProcess second = processes.get("fake-service");
            assertNotEquals(first.pid(), second.pid());
            assertEquals(first.port(), second.port());
            assertEquals(first.managementPort(), second.managementPort());
            assertTrue(ready(second.managementUrl()).contains("\"greeting\":\"hello\""));
            List<String> log = Files.readAllLines(second.logFile());
            String listening = "fake app listening on " + first.port() + ", management on " + first.managementPort();
            assertEquals(2, log.stream().filter(line -> line.equals(listening)).count());
            assertTrue(log.stream().anyMatch(line -> line.startsWith("---- restarted at ")), log.toString());
        }
    }

    @Test
    void aServiceStillRunningIsKilledBeforeItsRestart() throws Exception {
        fakeServiceJar("fake-service");
        StackOptions options = StackOptions.of(root, root.resolve("logs"), "http://localhost:1/v1/");
        try (ServiceProcesses processes = new ServiceProcesses(options)) {
            processes.start("fake-service", Map.of());
            QuarkusAppProcess first = processes.get("fake-service");

            processes.restart("fake-service");

            assertFalse(first.isAlive());
            assertTrue(processes.get("fake-service").isAlive());
        }
    }

    @Test
    void anUnknownServiceIsNamedInTheError() {
        StackOptions options = StackOptions.of(root, root.resolve("logs"), "http://localhost:1/v1/");
        try (ServiceProcesses processes = new ServiceProcesses(options)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> processes.kill("nope"));
            assertTrue(error.getMessage().contains("nope"));
        }
    }

    /** {@code <root>/<service>/target/quarkus-app/quarkus-run.jar}, running {@link FakeQuarkusApp}. */
    private void fakeServiceJar(String service) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeQuarkusApp.class.getName());
        Path classes = Path.of(FakeQuarkusApp.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
    }

    private static String ready(String managementUrl) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
