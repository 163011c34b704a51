package org.steward.support.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: explicit waits (never sleeps) and a few small helpers. */
public abstract class Page {

    /**
     * How long a wait may take: generous, because Tasklist's first load on a busy 2-core machine takes
     * tens of seconds, and a wait that passes returns at once. -Dsteward.browser.patience=PT2M to change.
     */
    public static final Duration PATIENCE = Duration.parse(System.getProperty("steward.browser.patience", "PT60S"));

    protected final WebDriver driver;

    protected Page(WebDriver driver) {
        this.driver = driver;
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE);
    }

    protected <T> T waitUntil(Function<WebDriver, T> condition) {
        return waiting().until(condition);
    }

    protected WebElement waitFor(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Waits until {@code element} has left the page (the next page replaced it). Selenium's stalenessOf counts only a
     * stale-element answer; Chromium 156 sometimes answers "Node with given id does not belong to the document"
     * for the same state, which stalenessOf throws on, so any such answer counts as gone here.
     */
    protected void waitUntilGone(WebElement element) {
        waiting().until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
            }
        });
    }

    protected WebElement waitForClickable(By locator) {
        return waiting().until(ExpectedConditions.elementToBeClickable(locator));
    }

    protected void type(By locator, String text) {
        WebElement field = waitFor(locator);
        field.clear();
        field.sendKeys(text);
    }

    protected String text(By locator) {
        return waitFor(locator).getText();
    }

    protected List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(WebElement::getText).toList();
    }

    protected boolean present(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    /** Scrolls an element to the middle of the window, clear of sticky headers and footers, and clicks it. */
    protected void scrollAndClick(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Clicks through JavaScript: for buttons a sticky header or an animation would intercept. */
    protected void jsClick(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    /** The visible text of the page's main content (or the whole body where there is no main). */
    public String mainText() {
        List<WebElement> main = driver.findElements(By.tagName("main"));
        return (main.isEmpty() ? driver.findElement(By.tagName("body")) : main.get(0)).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }
}
