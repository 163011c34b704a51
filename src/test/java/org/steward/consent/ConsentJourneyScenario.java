package org.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.steward.support.Markers;

/**
 * Issue 11 end to end over real HTTP, SMTP and the engine: a member admitted through the real application
 * flow is asked for consent (APP-6), grants MARKETING on the preferences page (CON-1), receives a newsletter
 * with both RFC 8058 headers and a preferences link (CON-5), unsubscribes with one click (CON-2) and the
 * next newsletter does not reach them; a newsletter queued before a withdrawal is not sent (CON-2); a
 * consent lapses once the clock moves past its expiry (CON-3). Subclasses run it on H2 and MariaDB/MySQL.
 */
abstract class ConsentJourneyScenario extends ConsentIntegrationTest {

    private static final List<String> ALL_PURPOSES = List.of("PROMOTION", "MARKETING", "ORG_REPORTING", "SURVEYS");

    @Test
    void memberGrantsMarketing_receivesANewsletter_unsubscribesWithOneClick_andTheNextDoesNotReachThem() throws Exception {
        String ana = uniqueEmail("ana");
        long anaId = admitThroughApplication(ana);
        String bob = uniqueEmail("bob");
        long bobId = admitThroughApplication(bob);

        // APP-6: the new member is asked for the optional consents; every member mail carries a preferences link.
        MimeMessage asked = mail(ana, "Your choices: what else may we do?");
        assertThat(body(asked)).contains("Stories and promotion", "Newsletters", "Surveys");
        assertThat(link(mail(ana, "Welcome to the community"), "/links/preferences/")).isNotBlank();
        assertThat(consents(anaId)).contains("\"MARKETING\":{\"granted\":false,\"expiresAt\":null}").contains("\"ledger\":[]");

        // CON-1: Ana grants MARKETING and SURVEYS on her preferences page, declines the rest.
        String preferences = link(asked, "/links/preferences/");
        HttpResponse<String> page = memberGet(preferences);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Newsletters", "essential program emails");
        HttpResponse<String> saved = memberPost(preferences, choose("MARKETING", "SURVEYS"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your choices are saved");
        String anaConsents = consents(anaId);
        assertThat(anaConsents).contains("\"MARKETING\":{\"granted\":true,\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(365)).toString().substring(0, 4));
        assertThat(anaConsents).contains("\"action\":\"GRANTED\"", "\"action\":\"DECLINED\"", "\"channel\":\"PREFERENCES_LINK\"",
                "\"evidence\":\"link:consent-preferences:sha256=", "\"policyVersion\":\"1\"");
        // A used link does not work twice; auditors and privacy officers read, security officers do not.
        assertThat(memberPost(preferences, choose("PROMOTION")).statusCode()).isEqualTo(410);
        assertThat(browser.getJson("/api/members/" + anaId + "/consents", "audrey").statusCode()).isEqualTo(200);
        assertThat(browser.getJson("/api/members/" + anaId + "/consents", "priya").statusCode()).isEqualTo(200);
        assertThat(browser.getJson("/api/members/" + anaId + "/consents", "sam").statusCode()).isEqualTo(403);

        // CON-5: the newsletter reaches Ana (consenting) and not Bob (never asked to get it).
        String marker = Markers.unique();
        long first = newsletter("Spring news " + marker, "Our mentors met in Lisbon.\nMarker " + marker);
        assertThat(recipientsOf(first)).contains(anaId).doesNotContain(bobId);
        runConsentJobs();
        MimeMessage news = mail(ana, "Spring news " + marker);
        assertThat(body(news)).contains("Our mentors met in Lisbon.", "Marker " + marker, "/links/preferences/");
        String[] listUnsubscribe = news.getHeader("List-Unsubscribe");
        assertThat(listUnsubscribe).hasSize(1);
        assertThat(listUnsubscribe[0]).matches("<http://localhost:8080/links/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(news.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(deliverMailTo(bob)).extracting(ConsentJourneyScenario::subjectOf).doesNotContain("Spring news " + marker);

        // RFC 8058: without the body the POST is refused and changes nothing; with it MARKETING ends at once.
        String unsubscribe = listUnsubscribe[0].substring(1, listUnsubscribe[0].length() - 1);
        HttpResponse<String> bare = oneClick(unsubscribe, null);
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).contains("List-Unsubscribe=One-Click").doesNotContain("Exception");
        assertThat(oneClick(unsubscribe, "List-Unsubscribe=Other").statusCode()).isEqualTo(400);
        assertThat(consents(anaId)).contains("\"MARKETING\":{\"granted\":true");
        HttpResponse<String> unsubscribed = oneClick(unsubscribe, "List-Unsubscribe=One-Click");
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(unsubscribed.body()).contains("You are unsubscribed");
        assertThat(consents(anaId)).contains("\"MARKETING\":{\"granted\":false,\"expiresAt\":null}",
                "\"action\":\"WITHDRAWN\"", "\"channel\":\"UNSUBSCRIBE_LINK\"");
        assertThat(oneClick(unsubscribe, "List-Unsubscribe=One-Click").statusCode()).as("used once").isEqualTo(410);

        // The next newsletter does not reach her.
        long second = newsletter("Summer news " + marker, "Marker " + marker);
        assertThat(recipientsOf(second)).doesNotContain(anaId, bobId);
        runConsentJobs();
        assertThat(deliverMailTo(ana)).extracting(ConsentJourneyScenario::subjectOf).doesNotContain("Summer news " + marker);

        // CON-2: Bob opts in by phone (staff record it), a newsletter is queued for him, he withdraws before it goes: not sent.
        staffRecords(bobId, "MARKETING", true);
        assertThat(consents(bobId)).contains("\"channel\":\"STAFF\"", "\"evidence\":\"staff:peter\"");
        long third = newsletter("Autumn news " + marker, "Marker " + marker);
        assertThat(recipientsOf(third)).contains(bobId);
        runConsentJobs();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE idempotency_key = ? AND status = 'PENDING'",
                Long.class, "newsletter-" + third + "-member-" + bobId)).isEqualTo(1);
        staffRecords(bobId, "MARKETING", false);
        assertThat(deliverMailTo(bob)).extracting(ConsentJourneyScenario::subjectOf).doesNotContain("Autumn news " + marker);
        assertThat(jdbc.queryForMap("SELECT status, text_body, mail_headers FROM outbox_message WHERE idempotency_key = ?",
                "newsletter-" + third + "-member-" + bobId))
                .containsEntry("status", "CANCELLED").containsEntry("text_body", "").containsEntry("mail_headers", null);

        // Typed text, names and emails never reach the engine's history.
        for (String typed : List.of(marker, ana, bob, "Ana Lima", "Our mentors met in Lisbon")) {
            assertNotInHistory(typed);
        }
    }

    @Test
    void aConsentLapsesWhenTheClockMovesPastItsExpiry_afterARequestAndAReminder() {
        String cleo = uniqueEmail("cleo");
        long cleoId = admitThroughApplication(cleo);
        String preferences = link(mail(cleo, "Your choices: what else may we do?"), "/links/preferences/");
        memberGet(preferences);
        assertThat(memberPost(preferences, choose("SURVEYS")).statusCode()).isEqualTo(200);
        Instant expiresAt = Instant.parse(jdbc.queryForObject(
                "SELECT expires_at FROM consent_entry WHERE member_id = ? AND purpose = 'SURVEYS'", java.sql.Timestamp.class, cleoId)
                .toInstant().toString());

        // CON-3: 30 days before, the request; 7 days before, the reminder; once the day is over, the lapse.
        ClockUtil.setCurrentTime(Date.from(expiresAt.minus(Duration.ofDays(29))));
        runConsentJobs();
        MimeMessage request = mail(cleo, "Please renew your consent");
        assertThat(body(request)).contains("Surveys", "/links/renew/");
        assertThat(consents(cleoId)).contains("\"SURVEYS\":{\"granted\":true");

        ClockUtil.setCurrentTime(Date.from(expiresAt.plus(Duration.ofDays(2))));
        runConsentJobs();
        assertThat(body(mail(cleo, "Reminder: your consent ends in 7 days"))).contains("Surveys");
        String after = consents(cleoId);
        assertThat(after).contains("\"SURVEYS\":{\"granted\":false,\"expiresAt\":null}", "\"action\":\"LAPSED\"", "\"channel\":\"SYSTEM\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'CONSENT_LAPSED' AND case_key = ?",
                Long.class, "member-" + cleoId)).isEqualTo(1);
        // The renewal link in the request no longer has anything to renew.
        HttpResponse<String> renew = memberGet(link(request, "/links/renew/"));
        assertThat(renew.statusCode()).isEqualTo(200);
        assertThat(renew.body()).contains("nothing to renew");
    }

    private static List<Map.Entry<String, String>> choose(String... granted) {
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        ALL_PURPOSES.forEach(p -> fields.add(Map.entry("offered", p)));
        for (String purpose : granted) {
            fields.add(Map.entry("purposes", purpose));
        }
        return fields;
    }

    private long newsletter(String subject, String text) {
        HttpResponse<String> sent = browser.postJson("/api/newsletters",
                "{\"subject\":\"" + subject + "\",\"text\":\"" + text.replace("\n", "\\n") + "\"}", "peter");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        long id = idFrom(sent.body());
        assertThat(sent.body()).contains("\"recipients\":" + recipientsOf(id).size());
        return id;
    }

    private List<Long> recipientsOf(long newsletterId) {
        return jdbc.queryForList("SELECT member_id FROM newsletter_recipient WHERE newsletter_id = ?", Long.class, newsletterId);
    }

    private void staffRecords(long memberId, String purpose, boolean granted) {
        HttpResponse<String> recorded = browser.postJson("/api/members/" + memberId + "/consents",
                "{\"purpose\":\"" + purpose + "\",\"granted\":" + granted + "}", "peter");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    }
}
