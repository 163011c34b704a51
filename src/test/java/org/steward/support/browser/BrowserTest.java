package org.steward.support.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.steward.support.IntegrationTest;

/**
 * An {@link IntegrationTest} with a real headless Chromium ({@link RealBrowser}) pointed at the
 * service: one browser per test class, each test signed out at the start and screenshotted at the
 * end. Skipped, with the reason, where no Chromium is installed. Tagged "browser", so
 * {@code -Dsteward.excluded-tags=real-database,bench,browser} leaves these tests out.
 *
 * <p>Drive pages through the page objects ({@link LoginPage}, {@link TasklistPage}, ...): they wait
 * explicitly for what they need (never sleep) and keep selectors in one place.
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {

    @RegisterExtension
    static final RealBrowser CHROMIUM = new RealBrowser();

    protected WebDriver driver;

    @BeforeEach
    void attachBrowser(WebDriver driver) {
        this.driver = driver;
    }

    /** The service's address for a path ("/apply") or a link taken from a mail. */
    protected String url(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
    }

    protected LoginPage signIn(String user) {
        return LoginPage.open(driver, url("/login")).signInAs(user, "demo");
    }

    /**
     * A screenshot of the page now, as {@code target/screenshots/<TestClass>-<step>.png}, for a journey that
     * passes through several pages (the last page of every test is saved anyway). Never fails the test.
     */
    protected void screenshot(String step) {
        String name = getClass().getSimpleName() + "-" + step;
        try {
            java.nio.file.Files.createDirectories(RealBrowser.SCREENSHOTS);
            java.io.File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
            java.nio.file.Files.copy(shot.toPath(), RealBrowser.SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException | org.openqa.selenium.WebDriverException e) {
            System.err.println("No screenshot for " + name + ": " + e.getMessage());
        }
    }
}
