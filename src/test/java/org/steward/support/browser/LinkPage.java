package org.steward.support.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A page behind an emailed link (reference form, referee data removal, the applicant's answer to a
 * question): GET shows it, the form's button acts. Fields are addressed by element id.
 */
public class LinkPage extends Page {

    /** Wraps the page the driver shows now. */
    public LinkPage(WebDriver driver) {
        super(driver);
        waitFor(By.tagName("main"));
    }

    public static LinkPage open(WebDriver driver, String linkUrl) {
        driver.get(linkUrl);
        return new LinkPage(driver);
    }

    public String heading() {
        return text(By.cssSelector("main h1"));
    }

    /**
     * Ticks the checkbox {@code name=value}, found afresh on every try: the page may still be settling when it
     * is first found, and Chromium then reports the node as no longer in the document.
     */
    public LinkPage tick(String name, String value) {
        By box = By.cssSelector("main input[name='" + name + "'][value='" + value + "']");
        waitUntil(d -> {
            try {
                WebElement element = d.findElement(box);
                if (!element.isSelected()) {
                    element.click();
                }
                return element.isSelected();
            } catch (org.openqa.selenium.StaleElementReferenceException settling) {
                return false;
            }
        });
        return this;
    }

    public LinkPage select(String fieldId, String visibleText) {
        new Select(waitFor(By.id(fieldId))).selectByVisibleText(visibleText);
        return this;
    }

    public LinkPage fill(String fieldId, String value) {
        type(By.id(fieldId), value);
        return this;
    }

    /** Presses the form's button and waits for the answer page. */
    public LinkPage submit() {
        WebElement form = waitFor(By.cssSelector("main form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntilGone(form);
        waitFor(By.tagName("main"));
        return this;
    }

    public List<String> errors() {
        return texts(By.cssSelector("main .error")).stream().filter(t -> !t.isBlank()).toList();
    }

    public boolean hasForm() {
        return present(By.cssSelector("main form"));
    }
}
