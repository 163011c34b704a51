package org.steward.support.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for a test class, driven by Selenium through the system's chromedriver
 * (Debian: {@code apt-get install chromium chromium-driver}; never Selenium Manager, which would
 * download a browser). One browser per test class, started before the first test and closed after
 * the last; each test starts signed out (cookies cleared) and leaves a screenshot in
 * {@code target/screenshots/<TestClass>-<test>.png}, plus the page's HTML when it failed.
 *
 * <p>Where no Chromium or chromedriver is found the class's tests are skipped (an assumption, with
 * the reason), so {@code ./mvnw verify} still passes on a laptop without them. Override the
 * locations with {@code -Dsteward.browser.chromium=/path} and {@code -Dwebdriver.chrome.driver=/path}.
 *
 * <p>Register it through {@link BrowserTest}; tests receive the {@link WebDriver} as a parameter.
 */
public final class RealBrowser implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealBrowser.class);
    private static final String SESSION = "session";
    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome", "chrome");
    private static final List<String> DRIVER_NAMES = List.of("chromedriver");
    /** Selenium warns at every start that it has no DevTools bindings for this exact Chromium; we use none. */
    private static final Logger CDP_VERSION_LOGGER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @Override
    public void beforeAll(ExtensionContext context) {
        Installation installation = Installation.find();
        Assumptions.assumeTrue(installation.complete(), installation::whyIncomplete);
        context.getStore(NAMESPACE).put(SESSION, new Session(installation.start()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver(context).manage().deleteAllCookies();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        WebDriver driver = driver(context);
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        Files.createDirectories(SCREENSHOTS);
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (context.getExecutionException().isPresent()) {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            }
        } catch (WebDriverException e) {
            // A screenshot is evidence for a reviewer, never a reason for a test to fail.
            System.err.println("No screenshot for " + name + ": " + e.getMessage());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return driver(context);
    }

    private static WebDriver driver(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(SESSION, Session.class).driver();
    }

    /** Quits the browser when JUnit closes the test class's store. */
    private record Session(WebDriver driver) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            driver.quit();
        }
    }

    /** Where Chromium and chromedriver live on this machine, if they do. */
    record Installation(Optional<Path> browser, Optional<Path> driver) {

        static Installation find() {
            return new Installation(
                    configured("steward.browser.chromium").or(() -> onPath(BROWSER_NAMES)),
                    configured("webdriver.chrome.driver").or(() -> onPath(DRIVER_NAMES)));
        }

        boolean complete() {
            return browser.isPresent() && driver.isPresent();
        }

        String whyIncomplete() {
            List<String> missing = new ArrayList<>();
            if (browser.isEmpty()) {
                missing.add("Chromium (none of " + BROWSER_NAMES + " on the PATH; or set -Dsteward.browser.chromium)");
            }
            if (driver.isEmpty()) {
                missing.add("chromedriver (not on the PATH; or set -Dwebdriver.chrome.driver)");
            }
            return "Real-browser test skipped: no " + String.join(" and no ", missing)
                    + ". On Debian/Ubuntu: apt-get install chromium chromium-driver";
        }

        WebDriver start() {
            CDP_VERSION_LOGGER.setLevel(Level.SEVERE);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browser.orElseThrow().toFile());
            options.addArguments("--headless=new", "--window-size=1280,1024", "--lang=en-GB",
                    // Containers and CI run as root with a small /dev/shm.
                    "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--disable-search-engine-choice-screen", "--password-store=basic");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driver.orElseThrow().toFile())
                    .usingAnyFreePort()
                    .withLogOutput(java.io.OutputStream.nullOutputStream())
                    .build();
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            return chrome;
        }

        private static Optional<Path> configured(String property) {
            return Optional.ofNullable(System.getProperty(property)).filter(s -> !s.isBlank())
                    .map(Paths::get).filter(Files::isExecutable);
        }

        private static Optional<Path> onPath(List<String> names) {
            String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin";
            return Stream.of(path.split(File.pathSeparator))
                    .filter(dir -> !dir.isBlank())
                    .flatMap(dir -> names.stream().map(name -> Paths.get(dir, name)))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }
}
