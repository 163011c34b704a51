package org.steward.support.browser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Tasklist's "Start process" dialog with a Steward start form in it (7.24: the navbar's
 * {@code .start-process-action}, a modal listing the startable processes, then the process's embedded
 * start form above the dialog's Start button). Steward's start forms post to Steward's API themselves
 * and keep Tasklist from starting the process through the engine, so the dialog stays open and shows
 * the outcome; {@link #close()} leaves it.
 *
 * <pre>{@code
 * TasklistStartForm start = TasklistStartForm.open(driver, "Security incident and breach notification");
 * start.discoveredAt(Instant.now().minus(Duration.ofHours(2))).type("summary", "Laptop stolen").tick("organisationIds", 7);
 * String outcome = start.start().waitForOutcome();
 * }</pre>
 */
public class TasklistStartForm extends Page {

    private static final By START_PROCESS = By.cssSelector(".start-process-action a");
    private static final By PROCESSES = By.cssSelector("div.modal-content ul.processes a");
    private static final By FORM = By.cssSelector("div.modal-content .modal-body form");
    private static final By START = By.cssSelector("div.modal-content .modal-footer button[ng-click='startProcessInstance()']");
    private static final By CLOSE = By.cssSelector("div.modal-content .modal-footer button[ng-click='$dismiss()']");
    private static final By OUTCOME = By.cssSelector("div.modal-content [data-steward='outcome'] .alert");
    private static final By ERRORS = By.cssSelector("div.modal-content .steward-error");

    private TasklistStartForm(WebDriver driver) {
        super(driver);
    }

    /** From an open Tasklist: Start process, then the process of this name; waits until its form has loaded. */
    public static TasklistStartForm open(WebDriver driver, String processName) {
        TasklistStartForm page = new TasklistStartForm(driver);
        page.scrollAndClick(page.waitForClickable(START_PROCESS));
        WebElement process = page.waitUntil(d -> d.findElements(PROCESSES).stream()
                .filter(a -> a.getText().trim().equals(processName)).findFirst().orElse(null));
        page.jsClick(process); // the modal fades in: a plain click may land on its backdrop
        page.waitFor(FORM);
        return page;
    }

    /** The start form element, for anything the helpers do not cover. */
    public WebElement form() {
        return waitFor(FORM);
    }

    /** Waits until the form shows {@code text} (it loads its choices after it appears). */
    public TasklistStartForm waitForText(String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(FORM, text));
        return this;
    }

    /**
     * Sets the datetime-local field {@code name} to this instant in the browser's zone, as a person picking
     * it would (typing into a datetime-local differs between browser versions; the change event fires).
     */
    public TasklistStartForm dateTime(String name, Instant instant, ZoneId browserZone) {
        String value = LocalDateTime.ofInstant(instant, browserZone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        WebElement field = form().findElement(By.name(name));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
        return this;
    }

    /** Types into the text field or text area named {@code name}. */
    public TasklistStartForm type(String name, String text) {
        WebElement field = form().findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Ticks the checkbox {@code name} whose value is {@code value} (e.g. an organisation's id). */
    public TasklistStartForm tick(String name, Object value) {
        WebElement box = waitUntil(d -> d.findElements(By.cssSelector("div.modal-content input[type='checkbox'][name='" + name
                + "'][value='" + value + "']")).stream().findFirst().orElse(null));
        if (!box.isSelected()) {
            scrollAndClick(box);
        }
        return this;
    }

    /** Presses the dialog's Start button, which hands the form's submit to the form's own script. */
    public TasklistStartForm start() {
        scrollAndClick(waitForClickable(START));
        return this;
    }

    /** Waits for the form's outcome panel ("Incident #7 reported, …") and returns its text. */
    public String waitForOutcome() {
        return waitFor(OUTCOME).getText();
    }

    /** Waits for the messages the form shows next to its fields (its own checks or Steward's 400). */
    public List<String> waitForFieldErrors() {
        waitUntil(ExpectedConditions.presenceOfElementLocated(ERRORS));
        return texts(ERRORS);
    }

    /** Closes the dialog and waits until it has gone. */
    public void close() {
        scrollAndClick(waitForClickable(CLOSE));
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.modal-content")));
    }
}
