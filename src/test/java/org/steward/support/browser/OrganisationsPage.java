package org.steward.support.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The member-organisation register for staff (/staff/organisations): the list, the add/edit form
 * and the security-contacts form (BRE-2). Buttons are only there for groups that may use them.
 */
public class OrganisationsPage extends Page {

    /** Wraps the page the driver shows now. */
    public OrganisationsPage(WebDriver driver) {
        super(driver);
        waitFor(By.cssSelector("main h1"));
    }

    public static OrganisationsPage open(WebDriver driver, String listUrl) {
        driver.get(listUrl);
        return new OrganisationsPage(driver);
    }

    public List<String> names() {
        return texts(By.cssSelector("#organisations tbody td.name"));
    }

    /** The ISO contact column for an organisation ("none on record" when unset). */
    public String isoOf(String name) {
        return row(name).findElement(By.cssSelector("td.iso")).getText();
    }

    public boolean offersAdd() {
        return present(By.id("add-organisation"));
    }

    public boolean offersEdit() {
        return present(By.cssSelector("#organisations a.edit"));
    }

    public boolean offersSecurityContacts() {
        return present(By.cssSelector("#organisations a.security-contacts"));
    }

    public boolean showsSaved() {
        return present(By.cssSelector("main .notice")) && text(By.cssSelector("main .notice")).contains("Saved");
    }

    /** Opens the add form. */
    public OrganisationsPage add() {
        click(waitFor(By.id("add-organisation")));
        return this;
    }

    public OrganisationsPage edit(String name) {
        click(row(name).findElement(By.cssSelector("a.edit")));
        return this;
    }

    public OrganisationsPage securityContacts(String name) {
        click(row(name).findElement(By.cssSelector("a.security-contacts")));
        return this;
    }

    /** Fills a field of the open form by element id ("name", "website", "isoName", "isoEmail", ...). */
    public OrganisationsPage fill(String fieldId, String value) {
        type(By.id(fieldId), value);
        return this;
    }

    /** Saves the open form; on success the list comes back with "Saved.", otherwise the form with messages. */
    public OrganisationsPage save() {
        click(waitFor(By.cssSelector("main form button[type=submit]")));
        return this;
    }

    public String heading() {
        return text(By.cssSelector("main h1"));
    }

    public List<String> errors() {
        return texts(By.cssSelector("main .error")).stream().filter(t -> !t.isBlank()).toList();
    }

    private WebElement row(String name) {
        return waitUntil(d -> d.findElements(By.cssSelector("#organisations tbody tr")).stream()
                .filter(tr -> tr.findElement(By.cssSelector("td.name")).getText().equals(name))
                .findFirst().orElse(null));
    }

    /** Clicks and waits for the next page. */
    private void click(WebElement element) {
        WebElement main = driver.findElement(By.tagName("main"));
        element.click();
        waitUntilGone(main);
        waitFor(By.cssSelector("main h1"));
    }
}
