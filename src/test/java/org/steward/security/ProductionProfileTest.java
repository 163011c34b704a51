package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The production ("mysql") profile as shipped, in its own JVM on an in-memory database (see
 * {@link StartupProbe}): issue 7 findings 1 (no demo staff, no /dev/mail), 8 (behind a TLS proxy the
 * session cookie is Secure and HSTS is sent) and 9 (a first administrator whose id has a hyphen starts
 * the service and is a Steward admin).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionProfileTest {

    static final String ADMIN = "steward-admin";
    static final String ADMIN_PASSWORD = "a long admin passphrase";

    private StartupProbe.Service service;

    @BeforeAll
    void start() {
        service = StartupProbe.start("--spring.profiles.active=mysql",
                "--camunda.bpm.admin-user.id=" + ADMIN, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
        assertThat(service.started()).as(service.output()).isTrue();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void theFirstAdministrator_withAHyphen_isAStewardAdmin() {
        StaffClient api = new StaffClient(service.port());
        String admin = StaffClient.basic(ADMIN, ADMIN_PASSWORD);
        assertThat(api.send("GET", "/api/organisations", null, null, "Authorization", admin).statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/api/organisations", "application/json", "{\"name\":\"Org " + UUID.randomUUID() + "\"}",
                "Authorization", admin).statusCode()).isEqualTo(201);
    }

    @Test
    void noDemoStaff_andNoDevMail() {
        StaffClient anonymous = new StaffClient(service.port());
        assertThat(anonymous.send("GET", "/api/organisations", null, null, "Authorization", StaffClient.basic("ada", "demo"))
                .statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/dev/mail").statusCode()).isEqualTo(404);
        assertThat(service.output()).doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void behindATlsProxy_theSessionCookieIsSecure_andHstsIsSent() {
        HttpResponse<String> login = new StaffClient(service.port()).send("GET", "/login", null, null, "X-Forwarded-Proto", "https");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax"));
    }
}
