package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/**
 * Issue 7, finding 8: a Content-Security-Policy on our pages (Camunda's webapps keep their own),
 * no referrer anywhere (link tokens are in URLs), a SameSite=Lax session cookie, CSRF skipped only when
 * HTTP Basic really signed the request in, no browser session on /engine-rest, and no log-out by a
 * forged POST to Camunda's webapp API. Secure cookies and HSTS in production: {@link ProductionProfileTest}.
 */
class HeadersAndSessionTest extends IntegrationTest {

    @Test
    void ourPages_carryAContentSecurityPolicy_andSendNoReferrer() {
        StaffClient anonymous = new StaffClient(port);
        for (String path : List.of("/", "/login", "/apply", "/no-such-page")) {
            HttpResponse<String> page = anonymous.get(path);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        StaffClient ada = new StaffClient(port).signIn("ada");
        HttpResponse<String> staffPage = ada.get("/staff/organisations");
        assertThat(staffPage.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(staffPage.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(new StaffClient(port).send("GET", "/api/organisations", null, null, "Authorization", StaffClient.basic("ada", "demo"))
                .headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void camundaWebapps_keepTheirOwnPolicy_andSendNoReferrer() {
        StaffClient peter = new StaffClient(port).signIn("peter");
        HttpResponse<String> tasklist = peter.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        List<String> policies = tasklist.headers().allValues("Content-Security-Policy");
        assertThat(policies).as("only Camunda's own policy, which Tasklist's scripts need").hasSize(1);
        assertThat(policies.get(0)).contains("'strict-dynamic'");
        assertThat(tasklist.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void theSessionCookie_isSameSiteLax() {
        StaffClient client = new StaffClient(port);
        client.get("/login");
        HttpResponse<String> login = client.postForm("/login", java.util.Map.of("username", "peter", "password", "demo"));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void aSessionCookie_withABogusAuthorizationHeader_stillNeedsTheCsrfToken() {
        StaffClient ada = new StaffClient(port).signIn("ada");
        String name = "Forged " + UUID.randomUUID();
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM member_organisation", Integer.class);
        HttpResponse<String> forged = ada.send("POST", "/api/organisations", "application/json",
                "{\"name\":\"" + name + "\"}", "Authorization", "Bearer junk");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> badBasic = ada.send("POST", "/api/organisations", "application/json",
                "{\"name\":\"" + name + "\"}", "Authorization", StaffClient.basic("ada", "wrong"));
        assertThat(badBasic.statusCode()).as("Basic must sign the request in by itself").isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_organisation", Integer.class)).isEqualTo(before);
    }

    @Test
    void engineRest_doesNotAcceptTheBrowserSession() {
        StaffClient ada = new StaffClient(port).signIn("ada");
        assertThat(ada.get("/staff/organisations").statusCode()).as("signed in").isEqualTo(200);
        assertThat(ada.send("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        assertThat(ada.send("GET", "/engine-rest/user", null, null).statusCode()).isEqualTo(401);
    }

    /**
     * A cross-site page can post to Camunda's API without the X-XSRF-TOKEN header; Camunda's own CSRF
     * filter then ended the victim's session. Browsers do not send our SameSite=Lax cookie on such a
     * post at all; and should a cookie arrive, the post is refused without touching the session.
     */
    @Test
    void aPostToCamundasApi_withoutTheXsrfHeader_doesNotSignThePersonOut() {
        StaffClient peter = new StaffClient(port).signIn("peter");
        assertThat(peter.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(peter.xsrfToken()).isNotBlank();
        assertThat(peter.send("GET", "/camunda/api/admin/auth/user/default", null, null).body()).contains("\"userId\":\"peter\"");
        HttpResponse<String> forged = peter.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null);
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> forgedWithWrongToken = peter.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null,
                "X-XSRF-TOKEN", "guessed");
        assertThat(forgedWithWrongToken.statusCode()).isEqualTo(403);
        assertThat(peter.send("GET", "/camunda/api/admin/auth/user/default", null, null).body()).contains("\"userId\":\"peter\"");
        assertThat(peter.get("/staff/organisations").statusCode()).isEqualTo(200);
    }
}
