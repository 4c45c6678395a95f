package ai.persona.gateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven through its chromedriver, both found on the PATH (never downloaded: Selenium
 * Manager is not asked). Screenshots go to target/console-screenshots/.
 */
final class Chromium {

    private Chromium() {
    }

    static Optional<Path> onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static boolean available() {
        return onPath("chromium").isPresent() && onPath("chromedriver").isPresent();
    }

    /** A browser with a profile of its own that saves downloads to {@code profile/downloads} without asking. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", downloads(profile).toString(),
                "download.prompt_for_download", false));
        options.setBinary(onPath("chromium").orElseThrow().toFile());
        // the flags that let chromium run as root in a container without a display or network side trips
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(onPath("chromedriver").orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static Path downloads(Path profile) {
        return profile.resolve("downloads");
    }

    static void screenshot(ChromeDriver driver, String name) {
        Path dir = Path.of(System.getProperty("test.work-dir", "target"), "console-screenshots");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
