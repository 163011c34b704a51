package org.steward.support.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Steward's staff sign-in page (/login). */
public class LoginPage extends Page {

    /** Wraps the page the driver shows now. */
    public LoginPage(WebDriver driver) {
        super(driver);
    }

    public static LoginPage open(WebDriver driver, String loginUrl) {
        driver.get(loginUrl);
        LoginPage page = new LoginPage(driver);
        page.waitFor(By.id("username"));
        return page;
    }

    /** Submits the form and waits until the browser has left the login page (or came back to it with an error). */
    public LoginPage signInAs(String user, String password) {
        type(By.id("username"), user);
        type(By.id("password"), password);
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().equals(before));
        return this;
    }

    public boolean showsWrongPassword() {
        return driver.getCurrentUrl().contains("/login?error") && text(By.cssSelector("main .alert")).contains("Wrong user name or password");
    }
}
