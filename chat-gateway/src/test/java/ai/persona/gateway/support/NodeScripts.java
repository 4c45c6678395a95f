package ai.persona.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Node.js scripts in src/test/node that drive the gateway with the official openai npm client: copied into
 * target/ with the committed lock file, installed with npm ci, run with node; each prints its findings as JSON on its
 * last line.
 */
public final class NodeScripts {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final List<String> PROJECT = List.of("package.json", "package-lock.json", ".npmrc");

    private NodeScripts() {
    }

    /** Whether node and npm are on the PATH; the tests that need them are skipped, saying so, where they are not. */
    public static boolean available() {
        return installed("node") && installed("npm");
    }

    /** The script and the npm project, installed in a folder of their own under target/. */
    public static Path install(String script) throws Exception {
        return install(SOURCES, script);
    }

    /** A script of another npm project (an example), installed like the tests' own. */
    public static Path install(Path sources, String script) throws Exception {
        Path work = Path.of(System.getProperty("test.work-dir", "target"), "node-" + sources.getFileName() + "-"
                + script.replace(".mjs", ""));
        Files.createDirectories(work);
        for (String file : PROJECT) {
            Files.copy(sources.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(sources.resolve(script), work.resolve(script), StandardCopyOption.REPLACE_EXISTING);
        run(work, Map.of(), "npm", "ci");
        return work;
    }

    /** Runs the installed script with the environment given; its last line of output, as JSON. */
    public static JsonNode run(Path work, String script, Map<String, String> env, String... arguments)
            throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        String[] lines = run(work, env, command.toArray(String[]::new)).strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    private static boolean installed(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(Path directory, Map<String, String> env, String... command) throws Exception {
        Path log = directory.resolve(command[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished && process.exitValue() == 0)
                .as("%s failed:%n%s", String.join(" ", command), output)
                .isTrue();
        return output;
    }
}
