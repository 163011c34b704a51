package org.steward.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.IntegrationTest;
import org.steward.system.StewardProperties.Application.RateLimit;

/**
 * Issue 7 finding 6, the open mail relay: 30 quick applications from one address were 90 mails to
 * addresses of the sender's choosing. Now at most the limit is accepted per client address and per email
 * (429 with Retry-After beyond it, nothing stored or sent), and no mail reaches a referee before the
 * applicant confirms their address. The limits here are the shipped defaults: 5 an hour per address,
 * 3 a day per email (the test profile raises the per-address limit for every other test).
 */
class ApplicationRateLimitTest extends IntegrationTest {

    private static final RateLimit SHIPPED = new RateLimit(5, Duration.ofHours(1), 3, Duration.ofDays(1));

    @Autowired
    private ApplicationRateLimits rateLimits;
    private RateLimit testProfile;

    @BeforeEach
    void shippedLimits() {
        testProfile = rateLimits.limits();
        rateLimits.useLimits(SHIPPED);
    }

    @AfterEach
    void testProfileLimits() {
        rateLimits.useLimits(testProfile);
    }

    @Test
    void thirtyQuickApplicationsFromOneAddress_atMostTheLimitAccepted_andNoRefereeHearsOfAny() throws Exception {
        long applicationsBefore = count("application");
        List<String> applicants = new ArrayList<>();
        List<String> referees = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String applicant = uniqueEmail("flood");
            String[] named = {uniqueEmail("victim"), uniqueEmail("victim"), uniqueEmail("victim")};
            applicants.add(applicant);
            referees.addAll(List.of(named));
            HttpResponse<String> response = browser.postJson("/api/applications", applicationJson(applicant, named), null);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
                assertThat(response.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
                assertThat(response.body()).contains("Too many applications from your network address: please try again in");
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(201);
        assertThat(statuses.subList(5, 30)).containsOnly(429);
        assertThat(count("application")).isEqualTo(applicationsBefore + 5);

        runDueJobs();
        for (String referee : referees) {
            assertThat(deliverMailTo(referee)).as("mail to referee %s", referee).isEmpty();
        }
        for (int i = 0; i < 30; i++) {
            List<MimeMessage> mail = deliverMailTo(applicants.get(i));
            assertThat(mail).as("mail to applicant %d", i).hasSize(i < 5 ? 1 : 0);
            if (i < 5) {
                assertThat(mail.get(0).getSubject()).isEqualTo("Please confirm your email address");
                assertThat(body(mail.get(0))).doesNotContain("Ana Lima", "Referee", "Scaling"); // no text of the sender's choosing
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient LIKE 'victim-%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient LIKE 'flood-%'", Long.class))
                .isEqualTo(5);

        // The page is held to the same limit, with a message a person reads and what they typed kept.
        browser.get("/apply");
        HttpResponse<String> page = browser.postForm("/apply", validForm(uniqueEmail("page")));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Too many applications from your network address", "value=\"Kofi Mensah\"");
        assertThat(count("application")).isEqualTo(applicationsBefore + 5);
    }

    @Test
    void oneEmail_isAcceptedAtMostThreeTimesADay_whateverTheOutcome() {
        rateLimits.useLimits(new RateLimit(100, Duration.ofHours(1), 3, Duration.ofDays(1)));
        String applicant = uniqueEmail("again");
        List<Integer> statuses = new ArrayList<>();
        for (String spelling : List.of(applicant, applicant.toUpperCase(), "A" + applicant.substring(1), applicant)) {
            statuses.add(browser.postJson("/api/applications", applicationJson(spelling, uniqueEmail("r")), null).statusCode());
        }
        assertThat(statuses).containsExactly(201, 409, 409, 429);
        HttpResponse<String> refused = browser.postJson("/api/applications", applicationJson(applicant, uniqueEmail("r")), null);
        assertThat(refused.body()).contains("Too many applications for this email address");
        // Invalid requests never count: a person correcting a form is not throttled by their mistakes.
        String careful = uniqueEmail("careful");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.postJson("/api/applications", applicationJson(careful), null)
                    .statusCode()).isEqualTo(400);
        }
        assertThat(browser.postJson("/api/applications", applicationJson(careful, uniqueEmail("r")), null).statusCode()).isEqualTo(201);
    }

    private Map<String, String> validForm(String email) {
        Map<String, String> form = new HashMap<>(Map.of(
                "kind", "ENTREPRENEUR", "name", "Kofi Mensah", "email", email, "postalCode", "00233",
                "industry", "Agriculture", "expertise", "Cassava processing", "languages", "English, Twi",
                "referees[0].name", "Ama Owusu", "referees[0].email", uniqueEmail("ama"), "referees[0].relationship", "Business partner"));
        return form;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
