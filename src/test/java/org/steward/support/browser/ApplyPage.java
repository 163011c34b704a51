package org.steward.support.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The public application form (/apply). Fields are addressed by their element id, which Thymeleaf
 * derives from the form property ("name", "email", "referees0.email").
 */
public class ApplyPage extends Page {

    /** Wraps the page the driver shows now. */
    public ApplyPage(WebDriver driver) {
        super(driver);
        waitFor(By.cssSelector("main form"));
    }

    public static ApplyPage open(WebDriver driver, String applyUrl) {
        driver.get(applyUrl);
        return new ApplyPage(driver);
    }

    /** Chooses the membership kind by its visible label ("Mentor", "Entrepreneur"). */
    public ApplyPage kind(String label) {
        new Select(waitFor(By.id("kind"))).selectByVisibleText(label);
        return this;
    }

    public ApplyPage fill(String fieldId, String value) {
        type(By.id(fieldId), value);
        return this;
    }

    /** Fills referee slot {@code index} (0-based). */
    public ApplyPage referee(int index, String name, String email, String relationship) {
        fill("referees" + index + ".name", name);
        fill("referees" + index + ".email", email);
        fill("referees" + index + ".relationship", relationship);
        return this;
    }

    /** Submits and waits for the next page (the form again with messages, or the thank-you page). */
    public ApplyPage submit() {
        WebElement form = driver.findElement(By.cssSelector("main form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntilGone(form);
        waitFor(By.tagName("main"));
        return this;
    }

    public String value(String fieldId) {
        return waitFor(By.id(fieldId)).getDomProperty("value");
    }

    /** The message shown next to a field, or "" when there is none. */
    public String fieldError(String fieldId) {
        List<WebElement> errors = driver.findElements(By.xpath(
                "//*[@id='" + fieldId + "']/following-sibling::*[contains(concat(' ', normalize-space(@class), ' '), ' error ')][1]"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    /** Every field message on the page. */
    public List<String> errors() {
        return texts(By.cssSelector("main .error")).stream().filter(t -> !t.isBlank()).toList();
    }

    public boolean isThankYouPage() {
        return currentPath().equals("/apply/thanks");
    }
}
