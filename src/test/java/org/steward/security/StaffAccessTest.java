package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/** Need-to-know (AUD-1): who reaches what, over real HTTP. */
class StaffAccessTest extends IntegrationTest {

    @Test
    void staffApiAndEngineRest_needAStaffLogin() {
        assertThat(browser.getJson("/api/staff/applications/1", null).statusCode()).isEqualTo(401);
        assertThat(browser.getJson("/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(browser.getJson("/api/organisations", null).statusCode()).isEqualTo(401);
    }

    @Test
    void applicationData_isForProgramStaff_only() {
        long id = idFrom(browser.postJson("/api/applications", applicationJson(uniqueEmail("a"), uniqueEmail("r")), null).body());
        assertThat(browser.getJson("/api/staff/applications/" + id, "peter").statusCode()).isEqualTo(200);
        assertThat(browser.getJson("/api/staff/applications/" + id, "audrey").statusCode()).isEqualTo(403);
        assertThat(browser.getJson("/api/staff/applications/" + id, "sam").statusCode()).isEqualTo(403);
        assertThat(browser.getJson("/api/staff/applications/999999", "peter").statusCode()).isEqualTo(404);
    }

    @Test
    void tasklist_sendsPeopleToTheLoginPage_andSignsThemInOnce() {
        HttpResponse<String> anonymous = browser.get("/camunda/app/tasklist/default/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).get().asString().endsWith("/login");

        browser.get("/login");
        HttpResponse<String> login = browser.postForm("/login", java.util.Map.of("username", "peter", "password", "demo"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(browser.getJson("/camunda/api/admin/auth/user/default", null).body())
                .contains("\"userId\":\"peter\"", "tasklist").doesNotContain("cockpit");
    }

    /** Uses its own user, so the sign-in throttle (LoginThrottleTest) never counts this failure against a user other tests sign in as. */
    @Test
    void wrongPassword_isRefused() {
        browser.get("/login");
        HttpResponse<String> login = browser.postForm("/login", java.util.Map.of("username", "priya", "password", "wrong"));
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/login?error");
    }

    @Test
    void organisationRegister_isEditedByProgramStaffAndAdmins_notByAuditors() {
        String json = "{\"name\":\"Org " + System.nanoTime() + "\",\"website\":\"https://example.org\"}";
        assertThat(browser.postJson("/api/organisations", json, "audrey").statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/api/organisations", json, "ada").statusCode()).isEqualTo(201);
        assertThat(browser.postJson("/api/organisations", json, "ada").statusCode()).as("duplicate name").isEqualTo(409);
        assertThat(browser.postJson("/api/organisations", "{\"name\":\"\"}", "peter").statusCode()).isEqualTo(400);
        assertThat(browser.postJson("/api/organisations", "{}", "audrey").statusCode()).as("refused before validation").isEqualTo(403);
    }

    @Test
    void incidents_areReportedBySecurityOfficers_only_andOthersLearnNothingFromValidation() {
        assertThat(browser.postJson("/api/incidents", "{}", "peter").statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/api/incidents", "{}", "sam").statusCode()).isEqualTo(400);
    }

    @Test
    void organisationRegisterPage_listsAndEdits_withFieldMessages() {
        browser.get("/login");
        browser.postForm("/login", java.util.Map.of("username", "ada", "password", "demo"));
        assertThat(browser.get("/staff/organisations/new").statusCode()).isEqualTo(200);
        HttpResponse<String> invalid = browser.postForm("/staff/organisations", java.util.Map.of("name", "", "website", "ftp://x"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("must not be blank", "must be an http(s) address");

        String name = "Women in Trade " + System.nanoTime();
        browser.get("/staff/organisations/new");
        HttpResponse<String> created = browser.postForm("/staff/organisations", java.util.Map.of("name", name, "website", "https://wit.example"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(browser.get("/staff/organisations").body()).contains(name, "https://wit.example");
        // The public application form offers it.
        assertThat(new org.steward.support.Browser(port).get("/apply").body()).contains(name);
    }

    @Test
    void devMail_existsOnlyInTheEmbeddedDefault() {
        assertThat(browser.get("/dev/mail").statusCode()).isEqualTo(404);
    }
}
