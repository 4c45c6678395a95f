package ai.persona.gateway.console;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static ai.persona.gateway.support.Users.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import ai.persona.gateway.support.SessionStore;
import ai.persona.gateway.support.UpdaterProcess;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The web console in a real browser (Debian's headless chromium) against the real gateway, session-service,
 * persona-updater, Kafka and PostgreSQL; only the models are stubs (the chat model, and the optimizer's, which learns
 * {@link UpdaterProcess#LEARNED} from any batch). Three sessions chatted in the console become version 1, which reaches
 * the page live. Skipped, with the reason, where chromium is not installed (.ci/run installs it).
 */
@QuarkusTestResource(value = UpdaterProcess.class, restrictToAnnotatedClass = true)
@QuarkusTest
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectOpenAiStub
    OpenAiStub llm;

    @TestHTTPResource("/")
    URL root;

    private Path profile;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Chromium.available(), "chromium and chromedriver are not on the PATH: the console's browser test "
                + "is skipped (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("console-chromium-");
        browser = Chromium.start(profile);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aUserChatsWithAStreamedReplyAndEndsTheSession() {
        String user = newUser("console-chat");
        llm.replies("hello-" + user, "Hello! Streamed to the console.");
        signIn(user);

        click(By.id("new-session"));
        WebElement message = visible(By.id("message"));
        message.sendKeys("hello-" + user, Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.cssSelector(".message.assistant .text"),
                "Hello! Streamed to the console."));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".message.streaming"), 0));
        textContaining(By.cssSelector(".message.user .text"), "hello-" + user);
        String sessionId = wait.ignoring(StaleElementReferenceException.class).until(driver -> driver
                .findElement(By.cssSelector(".session[aria-current='true']")).getAttribute("data-session-id"));
        Chromium.screenshot(browser, "chat");

        click(By.id("end-session"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("composer")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".session[data-session-id='" + sessionId + "']"), "ended"));
        assertThat(SessionStore.ended(user, sessionId).getString("endReason")).isEqualTo("explicit");
        wait.until(ExpectedConditions.textToBe(By.id("learning-badge"),
                "1 of 3 sessions toward your next persona update"));
        assertThat(SessionStore.recorded(user, sessionId, 2).getList("messages.content"))
                .containsExactly("hello-" + user, "Hello! Streamed to the console.");

        // at phone width the page folds to one column: nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(driver -> (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
        Chromium.screenshot(browser, "chat-phone");
    }

    @Test
    void aVersionLearnedByTheOptimizerAppearsLiveAndCanBeEditedConflictedAndRolledBack() {
        String user = newUser("console-persona");
        signIn(user);
        // three sessions chatted and ended in the console: the updater's batch of k = 3, learned from by its model
        for (int i = 1; i <= 3; i++) {
            String said = "I am Mei, bullet points please (" + i + ") " + user;
            llm.replies(said, "Noted, Mei.");
            click(By.id("new-session"));
            visible(By.id("message")).sendKeys(said, Keys.ENTER);
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".message.assistant .text"), "Noted, Mei."));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".message.streaming"), 0));
            click(By.id("end-session"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("composer")));
            if (i < 3) {
                wait.until(ExpectedConditions.textToBe(By.id("learning-badge"),
                        i + " of 3 sessions toward your next persona update"));
            }
        }
        Chromium.screenshot(browser, "chat-three-sessions");
        List<String> sessionIds = as(user).get("/api/sessions").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
        assertThat(sessionIds).hasSize(3);

        navigate("timeline");
        textContaining(By.id("version-1"), "Learned from your conversations", "Demographics › Name", "Mei",
                "she introduced herself as Mei", "asked for bullet points");
        for (String sessionId : sessionIds) {
            visible(By.cssSelector("#version-1 a[href='#chat/" + sessionId + "']"));
        }
        Chromium.screenshot(browser, "timeline-live");

        navigate("persona");
        wait.until(ExpectedConditions.textToBe(By.id("persona-version"), "version 1"));
        click(By.cssSelector("button[aria-label='Edit Name']"));
        WebElement name = visible(By.id("edit-Demographics-Name"));
        name.clear();
        name.sendKeys("Mei Chen", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("persona-version"), "version 2"));
        textContaining(By.cssSelector("[data-field='Demographics/Name'] .value"), "Mei Chen");
        as(user).get("/api/persona").then().statusCode(200).body("version", equalTo(2))
                .body("persona.Demographics.Name", equalTo("Mei Chen"));
        Chromium.screenshot(browser, "persona");

        // pinned: the optimizer's learning leaves it as it is; a section pins every field in it
        click(By.cssSelector("button[aria-label='Pin Name']"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-field='Demographics/Name'] .pin"),
                "aria-pressed", "true"));
        textContaining(By.cssSelector("[data-field='Demographics/Name'] dt"), "pinned");
        click(By.cssSelector("button[aria-label='Pin section Preference']"));
        textContaining(By.cssSelector("[data-field='Preference/Preferred_Formats'] dt"), "pinned");
        as(user).get("/api/persona/pins").then().statusCode(200)
                .body("pins", contains("/Demographics/Name", "/Preference"));
        click(By.cssSelector("button[aria-label='Unpin section Preference']"));
        visible(By.cssSelector("button[aria-label='Pin section Preference']"));
        as(user).get("/api/persona/pins").then().statusCode(200).body("pins", contains("/Demographics/Name"));

        click(By.cssSelector("button[aria-label='Edit Preferred formats']"));
        SessionStore.editPersona(user, 2, """
                [{"op":"replace","path":"/Demographics/Name","value":"M. Chen"}]""");
        WebElement formats = visible(By.id("edit-Preference-Preferred_Formats"));
        formats.clear();
        formats.sendKeys("tables", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("persona-conflict"),
                "Not saved: your persona changed meanwhile"));
        textContaining(By.id("persona-conflict"), "You edited version 2");
        Chromium.screenshot(browser, "persona-conflict");
        as(user).get("/api/persona").then().statusCode(200).body("version", equalTo(3))
                .body("persona.Preference.Preferred_Formats", equalTo("short bullet lists"));

        navigate("timeline");
        visible(By.id("version-3"));
        click(By.xpath("//li[@id='version-1']//button[text()='Roll back to version 1']"));
        visible(By.id("confirm-dialog"));
        textContaining(By.id("confirm-text"), "new version 4");
        click(By.id("confirm-ok"));
        textContaining(By.id("version-4"), "Rollback", "current", "M. Chen", "Mei");
        Chromium.screenshot(browser, "timeline-rollback");
        as(user).get("/api/persona").then().statusCode(200).body("version", equalTo(4))
                .body("persona.Demographics.Name", equalTo("Mei"));
    }

    @Test
    void settingsChangeTheExportDownloadsMyDataAndDeleteMeForgetsMeWhileAnotherUserSeesNoneOfIt() throws IOException {
        String user = newUser("console-privacy");
        String other = newUser("console-other");
        SessionStore.importPersona(user, """
                {"Demographics":{"Name":"Ada"},"Preference":{"Preferred_Styles":"formal"}}""");
        String sessionId = newSession(user);
        say(user, sessionId, "privacy-" + user);

        signIn(other);
        assertThat(visible(By.id("session-list")).getText()).contains("No sessions yet");
        navigate("persona");
        wait.until(ExpectedConditions.textToBe(By.id("persona-version"), "version 0"));
        assertThat(browser.findElement(By.id("persona-sections")).getText()).doesNotContain("Ada");
        navigate("timeline");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"), "No versions yet"));
        click(By.id("sign-out"));

        signIn(user);
        visible(By.cssSelector(".session[data-session-id='" + sessionId + "']"));
        navigate("settings");
        // learning: on with the default k, then off, kept by the updater
        WebElement learning = browser.findElement(By.id("learning"));
        wait.until(driver -> learning.isSelected());
        wait.until(ExpectedConditions.attributeToBe(By.id("sessions-per-update"), "value", "3"));
        learning.click();
        click(By.cssSelector("#learning-form button[type='submit']"));
        wait.until(ExpectedConditions.textToBe(By.id("learning-status"), "Saved: learning is off."));
        as(user).get("/api/learning").then().statusCode(200).body("learning", equalTo(false))
                .body("sessionsPerUpdate", equalTo(3));
        WebElement personalization = browser.findElement(By.id("personalization"));
        wait.until(driver -> personalization.isSelected());
        personalization.click();
        new Select(browser.findElement(By.id("retrieval")))
                .selectByValue("similar-session");
        click(By.cssSelector("#settings-form button[type='submit']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings-status"),
                "Saved: personalization off, retrieval similar-session"));
        as(user).get("/api/settings").then().statusCode(200).body("personalization", equalTo(false))
                .body("retrieval", equalTo("similar-session"));

        click(By.id("export"));
        Path exported = Chromium.downloads(profile).resolve("ai-persona-export-" + user + ".json");
        wait.until(driver -> Files.exists(exported));
        String export = Files.readString(exported);
        assertThat(export).contains("Ada", sessionId).doesNotContain(other);
        Chromium.screenshot(browser, "settings");

        WebElement delete = browser.findElement(By.id("delete-me"));
        assertThat(delete.isEnabled()).isFalse();
        browser.findElement(By.id("delete-confirm")).sendKeys("delete me");
        wait.until(ExpectedConditions.elementToBeClickable(delete)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"),
                "You and all your data were deleted"));
        SessionStore.asOperator().get("/users/{u}/persona", user).then().statusCode(404);
        as(user).get("/api/settings").then().statusCode(200).body("personalization", equalTo(true));
    }

    private void signIn(String user) {
        browser.get(root.toString());
        WebElement tokenInput = visible(By.id("token"));
        tokenInput.sendKeys(token(user));
        click(By.cssSelector("#sign-in-form button[type='submit']"));
        visible(By.id("view-chat"));
        wait.until(ExpectedConditions.textToBe(By.id("user-id"), user));
    }

    private void navigate(String view) {
        click(By.cssSelector("#nav a[data-view='" + view + "']"));
        visible(By.id("view-" + view));
    }

    // the page re-renders a view when a live update arrives: elements are looked up afresh until the wait succeeds

    /** The element's text once it contains all of these. */
    private String textContaining(By locator, String... expected) {
        String text = wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            String current = driver.findElement(locator).getText();
            return java.util.Arrays.stream(expected).allMatch(current::contains) ? current : null;
        });
        assertThat(text).contains(expected);
        return text;
    }

    private WebElement visible(By locator) {
        return wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void click(By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }
}
