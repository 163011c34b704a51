package org.steward.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.security.StaffGroups;
import org.steward.support.IntegrationTest;
import org.steward.support.TestSmtp;

/**
 * Issue 14 items 4 and 5 over real HTTP: the Prometheus endpoint is refused to the anonymous and to staff, shown to
 * operators and administrators with Steward's metrics; liveness and readiness are public, readiness covers the
 * database and the mail server, and a mail outage makes it DEGRADED with HTTP 200, never DOWN.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OperationsEndpointsTest extends IntegrationTest {

    static final String[] METRICS = {"steward_outbox_queue_depth", "steward_outbox_oldest_pending_age_seconds",
            "steward_outbox_given_up", "steward_outbox_sent_total", "steward_outbox_failed_total{outcome=\"retrying\"",
            "steward_outbox_failed_total{outcome=\"given_up\"", "steward_jobs_executable", "steward_jobs_failed",
            "steward_incidents_open", "steward_incidents_open_undeliverable_mail",
            "steward_deadlines_due_soon{process=\"BreachNotificationProcess\",within=\"PT24H\"",
            "steward_deadlines_due_soon{process=\"DataSubjectRequestProcess\",within=\"PT24H\"",
            "steward_deadlines_overdue{process=\"BreachNotificationProcess\"",
            "steward_deadlines_overdue{process=\"DataSubjectRequestProcess\""};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    IdentityService identity;

    @Test
    void prometheus_isRefusedToTheAnonymousAndToStaff_andShowsStewardsMetricsToOperatorsAndAdmins() throws Exception {
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "peter", "demo").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "audrey", "demo").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", "peter", "demo").statusCode()).as("other actuator endpoints: admins").isIn(403, 404);

        HttpResponse<String> admin = get("/actuator/prometheus", "ada", "demo");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains(METRICS);

        String operator = operator();
        HttpResponse<String> scraped = get("/actuator/prometheus", operator, "a long operator password");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains(METRICS).doesNotContainPattern("[A-Za-z0-9._%+-]+@example\\.org");
    }

    @Test
    void readiness_coversDatabaseAndMail_andAMailOutageIsDegradedNotDown() throws Exception {
        assertThat(get("/actuator/health/liveness", null, null).body()).contains("\"status\":\"UP\"");
        HttpResponse<String> ready = get("/actuator/health/readiness", null, null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").as("details only for operators and admins").doesNotContain("components");
        assertThat(get("/actuator/health/readiness", "ada", "demo").body()).contains("\"db\"", "\"smtp\"", "\"readinessState\"");

        TestSmtp.stop();
        try {
            HttpResponse<String> degraded = get("/actuator/health/readiness", null, null);
            assertThat(degraded.statusCode()).as("still ready: the outbox keeps the mail").isEqualTo(200);
            assertThat(degraded.body()).contains("\"status\":\"DEGRADED\"");
            HttpResponse<String> detailed = get("/actuator/health/readiness", "ada", "demo");
            assertThat(detailed.body()).containsPattern("\"smtp\":\\{[^}]*\"status\":\"DEGRADED\"")
                    .containsPattern("\"db\":\\{[^}]*\"status\":\"UP\"");
            HttpResponse<String> live = get("/actuator/health/liveness", null, null);
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"UP\"");
        } finally {
            TestSmtp.restart();
        }
        assertThat(get("/actuator/health/readiness", null, null).body()).contains("\"status\":\"UP\"");
    }

    private String operator() {
        String id = "operator" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName("Prometheus");
        user.setLastName("Scraper");
        user.setPassword("a long operator password");
        identity.saveUser(user);
        identity.createMembership(id, StaffGroups.OPERATORS);
        return id;
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
