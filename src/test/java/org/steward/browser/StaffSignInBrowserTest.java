package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.LoginPage;
import org.steward.support.browser.StewardPage;
import org.steward.support.browser.TasklistPage;

/**
 * Staff sign-in in a real browser, and where each group lands (issue 8 item 6, AUD-1): program
 * staff in Tasklist, administrators at the staff home, auditors on the auditors' page, never at a 403.
 */
class StaffSignInBrowserTest extends BrowserTest {

    @Test
    void programStaff_landInTasklist() {
        signIn("peter");

        TasklistPage tasklist = TasklistPage.open(driver, driver.getCurrentUrl());
        assertThat(tasklist.currentPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(tasklist.filterNames()).contains("My group's tasks");
    }

    /** Uses its own user: Camunda delays a user's next sign-in after a wrong password. */
    @Test
    void wrongPassword_isRefusedWithAMessage() {
        LoginPage page = LoginPage.open(driver, url("/login")).signInAs("priya", "not-the-password");

        assertThat(page.showsWrongPassword()).isTrue();
        assertThat(StewardPage.open(driver, url("/")).navigation()).as("still signed out").contains("Staff sign-in");
    }

    @Test
    void administrators_landOnTheStaffHome_withLinksToEverythingTheyRun() {
        signIn("ada");

        StewardPage home = new StewardPage(driver);
        assertThat(home.currentPath()).isEqualTo("/staff");
        assertThat(home.heading()).isEqualTo("Staff home");
        assertThat(home.links()).contains("Tasklist", "Member organisations", "Audit", "Cockpit", "Camunda Admin");
        assertThat(home.navigation()).contains("Tasklist", "Audit", "Organisations");
    }

    @Test
    void auditors_landOnThePageMeantForThem_andNeverOnTasklistsRefusal() {
        signIn("audrey");

        StewardPage audit = new StewardPage(driver);
        assertThat(audit.currentPath()).isEqualTo("/audit");
        assertThat(audit.heading()).isEqualTo("Audit");
        assertThat(audit.mainText()).contains("Cockpit", "/engine-rest/history/process-instance", "Member organisations",
                "/api/staff/incidents/{id}/deadlines"); // BRE-6: breach deadlines live in Steward's record, not in history
        assertThat(audit.navigation()).contains("Audit", "Organisations").doesNotContain("Tasklist");

        // An old Tasklist bookmark brings them back here instead of Camunda's 403.
        driver.get(url("/camunda/app/tasklist/default/"));
        assertThat(new StewardPage(driver).currentPath()).isEqualTo("/audit");

        // What the page promises works: the history API answers them.
        assertThat(browser.getJson("/engine-rest/history/process-instance?maxResults=1", "audrey").statusCode()).isEqualTo(200);
    }

    @Test
    void everyPage_hasAFavicon() throws Exception {
        StewardPage home = StewardPage.open(driver, url("/"));
        String favicon = home.faviconUrl();
        assertThat(favicon).endsWith("/favicon.ico");

        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(favicon)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(new byte[] {0, 0, 1, 0}); // an ICO header
        assertThat(StewardPage.open(driver, url("/no-such-page")).faviconUrl()).isEqualTo(favicon);
    }
}
