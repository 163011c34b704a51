package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.steward.support.Browser;
import org.steward.support.IntegrationTest;

/**
 * Where each group lands after signing in (issue 8 item 6, AUD-1), over plain HTTP so it holds
 * where no browser runs: the page asked for when they may open it, else the page for their group;
 * never a Camunda webapp that would answer 403.
 */
class StaffLandingTest extends IntegrationTest {

    @Test
    void eachGroup_landsOnItsOwnPage() {
        assertThat(landingOf("peter")).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(landingOf("sam")).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(landingOf("ada")).isEqualTo("/staff");
        assertThat(landingOf("audrey")).isEqualTo("/audit");
    }

    @Test
    void theRequestedPage_isKept_whenThePersonMayOpenIt() {
        Browser auditor = new Browser(port);
        auditor.get("/camunda/app/cockpit/default/");
        assertThat(signIn(auditor, "audrey")).endsWith("/camunda/app/cockpit/default/?continue");

        Browser staff = new Browser(port);
        staff.get("/staff/organisations");
        assertThat(signIn(staff, "peter")).endsWith("/staff/organisations?continue");
    }

    @Test
    void anAuditorAskingForTasklist_landsOnTheAuditPage_andStaysAwayFromIt() {
        Browser auditor = new Browser(port);
        auditor.get("/camunda/app/tasklist/default/");
        assertThat(signIn(auditor, "audrey")).isEqualTo("/audit");

        HttpResponse<String> tasklist = auditor.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).get().asString().endsWith("/audit");
        assertThat(auditor.get("/audit").body()).contains("Cockpit", "Member organisations").doesNotContain("/camunda/app/tasklist");
        assertThat(auditor.get("/camunda/app/admin/default/").headers().firstValue("Location")).get().asString().endsWith("/audit");
    }

    @Test
    void theAuditPage_isForAuditorsAndAdministrators() {
        Browser peter = new Browser(port);
        signIn(peter, "peter");
        HttpResponse<String> refused = peter.get("/audit");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This page is not open to you");

        Browser ada = new Browser(port);
        signIn(ada, "ada");
        assertThat(ada.get("/audit").statusCode()).isEqualTo(200);
        assertThat(ada.get("/staff").body()).contains("Camunda Admin", "Cockpit", "Tasklist");
    }

    private String landingOf(String user) {
        return signIn(new Browser(port), user);
    }

    /** Signs in through the login form and returns where the service sends the person. */
    private static String signIn(Browser browser, String user) {
        browser.get("/login");
        HttpResponse<String> login = browser.postForm("/login", Map.of("username", user, "password", "demo"));
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
