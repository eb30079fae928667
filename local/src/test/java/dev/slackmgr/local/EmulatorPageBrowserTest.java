package dev.slackmgr.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Slack emulator's page in headless Chromium (the system's {@code chromium} and {@code chromedriver}, never a
 * downloaded one) against the whole local mode: an alert POSTed to the API shows up as a post, {@code /slackmgr
 * list} answers ephemerally, and a ✅ clicked on the page reaches the manager over Socket Mode and resolves the
 * issue. Skipped when no Chromium is installed ({@code apt-get install chromium chromium-driver}; {@code .ci/run}
 * does it).
 */
class EmulatorPageBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static WebDriver browser;
    static LocalMode local;

    @BeforeAll
    static void start() {
        Optional<Path> chromium = firstExecutable(System.getProperty("slackmgr.test.chromium"),
                "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> driver = firstExecutable(System.getProperty("slackmgr.test.chromedriver"),
                "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(), "Skipped: no system Chromium and chromedriver found "
                + "(/usr/bin/chromium, /usr/bin/chromedriver); install them with "
                + "'apt-get install chromium chromium-driver' (.ci/run does) to run the emulator's browser test");
        // Selenium must use the system driver and browser: with both paths given it never calls Selenium Manager
        // (which would download them); the bogus Selenium Manager path makes any such attempt fail loudly.
        System.setProperty("SE_MANAGER_PATH", "/nonexistent/selenium-manager-is-not-used");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, driver.get().toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run", "--disable-extensions");
        // a local mode of its own: no other test's posts on the page, nor in the channel's Slack rate limits
        local = LocalModeTesting.start();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void alertPostedThroughTheApiShowsUpAndACheckMarkClickedOnThePageResolvesIt() {
        browser.get(local.emulator().pageUrl());
        waitFor("the page shows #alerts", d -> d.findElement(By.cssSelector("[data-testid=channel-name]")).getText()
                .equals("# alerts"));
        waitFor("the manager connected over Socket Mode", d -> d.findElement(
                By.cssSelector("[data-testid=socket-status]")).getText().startsWith("app connected"));

        long posted = System.nanoTime();
        HttpResponse<String> accepted = LocalModeTesting.post(local.alertsUrl(),
                LocalModeTesting.read(LocalModeTesting.example("alert.json")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        WebElement post = waitFor("the post on the page", d -> post(d, "Disk almost full on db-1"));
        long shownMillis = (System.nanoTime() - posted) / 1_000_000;
        long postMessageMillis = local.emulator().slack().calls().stream()
                .filter(c -> c.method().equals("chat.postMessage")).mapToLong(c -> (c.receivedNanos() - posted) / 1_000_000)
                .min().orElse(-1);
        System.out.printf("alert POSTed → chat.postMessage after %d ms → post shown on the emulator page after %d ms%n",
                postMessageMillis, shownMillis);
        assertThat(shownMillis).as("alert to post on the page").isLessThan(WAIT.toMillis());

        assertThat(text(post, "bk-header")).isEqualTo("❌ Disk almost full on db-1");
        assertThat(post.getText()).contains("/var/lib/postgresql", "Used:", "92%", "Free:", "8 GiB", "disk-monitor",
                "db-1.example.internal");
        assertThat(post.findElement(By.cssSelector("code")).getText()).isEqualTo("/var/lib/postgresql");

        WebElement input = browser.findElement(By.cssSelector("[data-testid=command-input]"));
        input.sendKeys("/slackmgr list", Keys.ENTER);
        WebElement answer = waitFor("the ephemeral answer to /slackmgr list", d -> d.findElements(
                By.cssSelector("[data-testid=ephemeral]")).stream().filter(e -> e.getText().contains("disk-full-db-1"))
                .findFirst().orElse(null));
        assertThat(answer.getText()).contains("Only visible to you", "open issue", "Disk almost full on db-1");

        waitFor("the ✅ reaction clicked", d -> {
            post(d, "Disk almost full on db-1").findElement(By.cssSelector("[data-testid=react-white_check_mark]"))
                    .click();
            return true;
        });
        WebElement resolved = waitFor("the post resolved", d -> {
            WebElement p = post(d, "Disk space back to normal on db-1");
            return p != null && p.getText().contains("Resolved by Ada Admin") ? p : null;
        });
        assertThat(text(resolved, "bk-header")).isEqualTo("✅ Disk space back to normal on db-1");
        assertThat(resolved.findElement(By.cssSelector("[data-testid=reaction-white_check_mark]")).getText())
                .isEqualTo("✅ 1");
        assertThat(browser.findElement(By.cssSelector("[data-testid=events]")).getText())
                .contains("events_api reaction_added ✅ by Ada Admin ✓ acknowledged");
    }

    /** The post whose header contains {@code header}, or {@code null}. */
    private static WebElement post(WebDriver d, String header) {
        List<WebElement> posts = d.findElements(By.cssSelector("[data-testid=message]"));
        for (WebElement p : posts) {
            List<WebElement> h = p.findElements(By.cssSelector("[data-testid=bk-header]"));
            if (!h.isEmpty() && h.get(0).getText().contains(header)) {
                return p;
            }
        }
        return null;
    }

    private static String text(WebElement post, String testId) {
        return post.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText();
    }

    /** Waits until {@code condition} gives a value (re-rendered elements going stale meanwhile are retried). */
    private static <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NullPointerException.class)
                .withMessage("waiting for " + what)
                .until(condition);
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank() && Files.isExecutable(Path.of(c))) {
                return Optional.of(Path.of(c));
            }
        }
        return Optional.empty();
    }
}
