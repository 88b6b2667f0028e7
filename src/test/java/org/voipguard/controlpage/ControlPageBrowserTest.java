package org.voipguard.controlpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.voipguard.support.ChildVoipGuard;

/**
 * The control page in a real browser: Debian's headless Chromium driven through chromedriver,
 * against {@code serve} run as operations run it, after {@code demo}. Skipped when Chromium or
 * its driver is not installed, except on CI (CI=true), where .ci/run installs them.
 */
class ControlPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "control-page", "number-page.png");
    private static final String NUMBER = "+441632960001";
    private static final String HOSTILE_AGENT = "<script>alert(1)</script>";
    private static final String PASSWORD = "a long password for the browser test";

    @TempDir
    Path home;
    private ChildVoipGuard serve;
    private WebDriver browser;

    @AfterEach
    void stopBrowserAndServe() {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.kill();
        }
    }

    @Test
    void anOperatorLogsInOpensTheOverviewAndFollowsAnAlertToTheNumbersPhonesAndSpend() throws Exception {
        requireChromium();
        String database = "jdbc:h2:file:" + home.resolve("db").toAbsolutePath();
        run(ChildVoipGuard.start(home, database, "demo"));
        run(ChildVoipGuard.start(home, database, "registrations", "import", "--no-email", phoneWithAScriptForUserAgent()));
        run(ChildVoipGuard.start(home, database, "users", "add", "olivia", "--role", "operator").input(PASSWORD + "\n"));
        int port = freePort();
        serve = ChildVoipGuard.start(home, database, "serve", "--server.port=" + port);
        String base = awaitListening(port);
        browser = headlessChromium();

        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login");
        browser.findElement(By.id("username")).sendKeys("olivia");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        awaitPageTitled("Overview");
        assertThat(browser.findElements(By.cssSelector("#alerts-by-type tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#alerts-per-day svg rect.bar"))).isNotEmpty();
        browser.findElement(By.linkText("NEW_IP_AND_USER_AGENT")).click();

        awaitPageTitled("Alerts");
        WebElement newest = browser.findElements(By.cssSelector("#alert-list tbody tr.alert")).get(0);
        assertThat(newest.findElement(By.cssSelector("td.facts")).getText()).contains("user_agent=" + HOSTILE_AGENT);
        newest.findElement(By.cssSelector("a.number-link")).click();

        awaitPageTitled(NUMBER);
        assertThat(browser.findElement(By.id("number")).getText()).isEqualTo(NUMBER);
        List<WebElement> phones = browser.findElements(By.cssSelector("#phones tr.phone"));
        assertThat(phones).extracting(phone -> phone.findElement(By.cssSelector("td.user-agent")).getText())
                .contains(HOSTILE_AGENT);
        assertNoScriptRan();
        assertThat(browser.findElements(By.cssSelector("#bills svg.chart"))).hasSize(1);

        browser.get(base + "/numbers/" + NUMBER + "?month=2026-10");
        assertThat(browser.findElements(By.cssSelector("#spend svg rect.bar"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#spend svg line.rule"))).isNotEmpty();
        assertThat(browser.findElement(By.id("phone-count")).getText()).isNotEqualTo("0");
        saveScreenshot();
    }

    private static void requireChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but chromium and chromium-driver are not installed (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
    }

    /** A registrar log with one accepted registration a minute ago: a phone registered now. */
    private String phoneWithAScriptForUserAgent() throws IOException {
        Path log = home.resolve("hostile-phone.csv");
        Files.writeString(log, "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s\n"
                + Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS) + "," + NUMBER
                + ",203.0.113.99,5060,UDP,\"" + HOSTILE_AGENT + "\",OK,3600\n");
        return log.toString();
    }

    private static void run(ChildVoipGuard child) {
        assertThat(child.waitFor()).as(child.output()).isZero();
    }

    private String awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!serve.stdout().contains("serve: listening on") && System.nanoTime() < deadline) {
            assertThat(serve.isAlive()).as(serve.output()).isTrue();
            Thread.sleep(200);
        }
        assertThat(serve.stdout()).as(serve.output()).contains("serve: listening on");
        return "http://127.0.0.1:" + port;
    }

    /**
     * A click returns when the browser has sent the request, not always when the next page has
     * loaded (seen once on CI after the login form), so the test waits for the page it expects.
     */
    private void awaitPageTitled(String prefix) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(driver -> driver.getTitle().startsWith(prefix));
        } catch (TimeoutException notThere) {
            throw new AssertionError("expected a page titled \"" + prefix + "…\" but " + browser.getCurrentUrl()
                    + " is titled \"" + browser.getTitle() + "\" and shows: "
                    + browser.findElement(By.tagName("body")).getText(), notThere);
        }
    }

    private static WebDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,2600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private void assertNoScriptRan() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a script from a User-Agent ran in the page");
        } catch (NoAlertPresentException expected) {
            // the User-Agent was shown as text
        }
    }

    private void saveScreenshot() throws IOException {
        Files.createDirectories(SCREENSHOT.getParent());
        File taken = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(taken.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
