package ai.persona.infra;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarkusAppProcessTest {

    @TempDir
    Path work;

    /** A runnable jar whose class path is this module's test classes, running {@link FakeQuarkusApp}. */
    private Path fakeAppJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeQuarkusApp.class.getName());
        Path classes = Path.of(FakeQuarkusApp.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = work.resolve("fake-app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
        return jar;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String ready(String managementUrl) throws Exception {
        return get(managementUrl + "/q/health/ready").body();
    }

    @Test
    void startsTheAppWithItsConfigurationWaitsUntilReadyOnItsManagementPortAndStopsIt() throws Exception {
        QuarkusAppProcess app = QuarkusAppProcess.builder("fake", fakeAppJar())
                .config("greeting", "hello")
                .logFile(work.resolve("fake.log"))
                .start();

        assertNotEquals(app.port(), app.managementPort());
        assertTrue(ready(app.managementUrl()).contains("\"greeting\":\"hello\""));
        assertEquals(404, get(app.baseUrl() + "/q/health/ready").statusCode());
        assertTrue(Files.readString(app.logFile()).contains(
                "fake app listening on " + app.port() + ", management on " + app.managementPort()));
        app.close();
        assertFalse(app.isAlive());
    }

    @Test
    void aMissingJarIsReportedWithTheHint() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> QuarkusAppProcess.builder("absent", work.resolve("nothing.jar"))
                        .missingJarHint("Build it with: mvn package").start());

        assertTrue(error.getMessage().contains("nothing.jar does not exist"));
        assertTrue(error.getMessage().contains("Build it with: mvn package"));
    }

    @Test
    void anAppThatDiesWhileStartingIsReportedWithItsLog() throws IOException {
        Path notAJar = Files.writeString(work.resolve("broken.jar"), "not a jar");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> QuarkusAppProcess.builder("broken", notAJar).logFile(work.resolve("broken.log"))
                        .readyTimeout(Duration.ofSeconds(30)).start());

        assertTrue(error.getMessage().contains("exited with code"), error.getMessage());
        assertTrue(error.getMessage().toLowerCase().contains("jar"), error.getMessage());
    }

    @Test
    void aSharedAppIsReusedWithTheSameSettingsAndRestartedWithOthers() throws Exception {
        String jar = fakeAppJar().toString();
        String log = work.resolve("shared.log").toString();

        String first = SharedQuarkusApps.baseUrl("shared-fake", jar, Map.of("greeting", "one"), List.of(), log, "");
        String again = SharedQuarkusApps.baseUrl("shared-fake", jar, Map.of("greeting", "one"), List.of(), log, "");
        String other = SharedQuarkusApps.baseUrl("shared-fake", jar, Map.of("greeting", "two"), List.of(), log, "");

        assertEquals(first, again);
        assertNotEquals(first, other);
        assertEquals("two", get(other + "/greeting").body());
    }
}
