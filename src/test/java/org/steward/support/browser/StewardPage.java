package org.steward.support.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Any of Steward's own pages (not Camunda's): heading, navigation, main text, links. */
public class StewardPage extends Page {

    public StewardPage(WebDriver driver) {
        super(driver);
        waitFor(By.tagName("main"));
    }

    public static StewardPage open(WebDriver driver, String url) {
        driver.get(url);
        return new StewardPage(driver);
    }

    public String heading() {
        return text(By.cssSelector("main h1"));
    }

    /** The texts of the header's navigation links (what the signed-in person is offered). */
    public List<String> navigation() {
        return texts(By.cssSelector("header nav a"));
    }

    /** The visible texts of every link in the main content. */
    public List<String> links() {
        return texts(By.cssSelector("main a"));
    }

    public boolean hasElement(String id) {
        return present(By.id(id));
    }

    public WebElement link(String id) {
        return waitFor(By.id(id));
    }

    /** The favicon the page declares, as an absolute URL. */
    public String faviconUrl() {
        return driver.findElement(By.cssSelector("head link[rel~=icon]")).getDomProperty("href");
    }
}
