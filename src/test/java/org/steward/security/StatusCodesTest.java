package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/**
 * Issue 7, finding 9: anonymous API calls get 401 with problem details (POSTs got 403 from the CSRF
 * check); unknown addresses get 404 (a page, or a problem under /api) instead of a redirect to the
 * sign-in page, while a real staff page still sends people there. The production profile's first
 * administrator: {@link ProductionProfileTest}.
 */
class StatusCodesTest extends IntegrationTest {

    @Test
    void anonymousApiCalls_get401WithProblemDetails() {
        StaffClient anonymous = new StaffClient(port);
        assertProblem(anonymous.send("GET", "/api/organisations", null, null), 401);
        assertProblem(anonymous.send("POST", "/api/incidents", "application/json", "{}"), 401);
        assertProblem(anonymous.send("POST", "/api/organisations", "application/json", "{\"name\":\"x\"}"), 401);
        assertProblem(anonymous.send("PUT", "/api/organisations/1/security-contacts", "application/json", "{}"), 401);
        assertProblem(anonymous.send("GET", "/api/staff/applications/1", null, null), 401);
        assertProblem(anonymous.send("GET", "/api/staff/incidents/1", null, null), 401);
    }

    @Test
    void unknownAddresses_get404_realStaffPages_theSignInPage() {
        StaffClient anonymous = new StaffClient(port);
        HttpResponse<String> page = anonymous.get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
        assertThat(anonymous.get("/staff/no-such-page").statusCode()).isEqualTo(404);
        assertProblem(anonymous.send("GET", "/api/no-such-resource", null, null), 404);
        assertProblem(anonymous.send("POST", "/api/no-such-resource", "application/json", "{}"), 404);

        HttpResponse<String> staffPage = anonymous.get("/staff/organisations");
        assertThat(staffPage.statusCode()).isEqualTo(302);
        assertThat(staffPage.headers().firstValue("Location")).get().asString().endsWith("/login");

        StaffClient peter = new StaffClient(port).signIn("peter");
        assertThat(peter.get("/no-such-page").statusCode()).isEqualTo(404);
        assertProblem(new StaffClient(port).send("GET", "/api/no-such-resource", null, null,
                "Authorization", StaffClient.basic("peter", "demo")), 404);
    }

    @Test
    void forbiddenApiCalls_get403WithProblemDetails() {
        assertProblem(new StaffClient(port).send("POST", "/api/incidents", "application/json", "{}",
                "Authorization", StaffClient.basic("peter", "demo")), 403);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString()).get().asString()
                .startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains("\"title\"");
    }
}
