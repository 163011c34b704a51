package org.steward.support.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * /dev/mail, the embedded default's mail sink: the list (newest first) and one mail (HTML part in a
 * sandboxed frame, plain-text part and its links beside it). Needs a staff login.
 */
public class DevMailPage extends Page {

    /** One row of the list. */
    public record Row(String id, String to, String subject) {
    }

    /** Wraps the page the driver shows now. */
    public DevMailPage(WebDriver driver) {
        super(driver);
        waitFor(By.cssSelector("main h1"));
    }

    public static DevMailPage open(WebDriver driver, String url) {
        driver.get(url);
        return new DevMailPage(driver);
    }

    /** The list's rows, top (newest) first. */
    public List<Row> rows() {
        return driver.findElements(By.cssSelector("#mails tbody tr")).stream()
                .map(tr -> new Row(tr.getDomAttribute("data-mail-id"), tr.findElement(By.cssSelector(".to")).getText(),
                        tr.findElement(By.cssSelector(".subject")).getText()))
                .toList();
    }

    /** Opens the newest mail with this subject to this recipient. */
    public DevMailPage openMail(String subject, String recipient) {
        WebElement link = driver.findElements(By.cssSelector("#mails tbody tr")).stream()
                .filter(tr -> tr.findElement(By.cssSelector(".to")).getText().contains(recipient)
                        && tr.findElement(By.cssSelector(".subject")).getText().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no mail '" + subject + "' to " + recipient + " in " + rows()))
                .findElement(By.cssSelector(".subject a"));
        link.click();
        waitFor(By.cssSelector("main dl"));
        return this;
    }

    public String subject() {
        return text(By.cssSelector("main h1"));
    }

    public String to() {
        return text(By.id("mail-to"));
    }

    /** The frame showing the HTML part. */
    public WebElement htmlFrame() {
        return waitFor(By.id("mail-html"));
    }

    /** The visible text of the HTML part, read inside its frame. */
    public String htmlText() {
        driver.switchTo().frame(htmlFrame());
        try {
            return waitFor(By.tagName("body")).getText();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /**
     * Clicks the link with this text inside the HTML part; it opens in a new tab, which becomes the
     * driver's current window. Returns the handle of the mail's window, to switch back to.
     */
    public String clickLinkInHtml(String linkText) {
        String mailWindow = driver.getWindowHandle();
        int windows = driver.getWindowHandles().size();
        driver.switchTo().frame(htmlFrame());
        try {
            waitFor(By.linkText(linkText)).click();
        } finally {
            driver.switchTo().defaultContent();
        }
        waitUntil(d -> d.getWindowHandles().size() > windows);
        String newTab = driver.getWindowHandles().stream().filter(h -> !h.equals(mailWindow)).reduce((a, b) -> b).orElseThrow();
        driver.switchTo().window(newTab);
        waitFor(By.tagName("main"));
        return mailWindow;
    }

    public String textPart() {
        return text(By.id("mail-text"));
    }

    /** The links listed beside the plain-text part. */
    public List<String> links() {
        return texts(By.cssSelector("#mail-links a"));
    }
}
