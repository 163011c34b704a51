package org.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;

/**
 * A member's paths through a consent's life (CON-1 to CON-3), with the real services, on the engine
 * clock: grant, withdraw, renew on time, reminder then renew, lapse. ConsentRenewalProcessTest proves
 * the model with mocks; this proves what each member receives and what the ledger records.
 */
class ConsentLifecycleTest extends ConsentIntegrationTest {

    @Autowired
    private DataSubjects subjects;
    @Autowired
    private Members members;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void grant_startsOneRenewalProcessForItsExpiryDay_andLaterGrantsOfThatDayJoinIt() {
        String first = uniqueEmail("grant-a");
        String second = uniqueEmail("grant-b");
        long a = member(first);
        long b = member(second);
        grant(a, "SURVEYS");
        grant(b, "SURVEYS");
        grant(b, "MARKETING");
        LocalDate day = LocalDate.ofInstant(expiryOf(a, "SURVEYS"), ZoneOffset.UTC);
        assertThat(LocalDate.ofInstant(expiryOf(b, "MARKETING"), ZoneOffset.UTC)).isEqualTo(day);
        long dayId = jdbc.queryForObject("SELECT id FROM consent_expiry_day WHERE expiry_day = ?", Long.class, java.sql.Date.valueOf(day));
        String businessKey = "consent-" + dayId;
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ConsentProcesses.RENEWAL_KEY)
                .processInstanceBusinessKey(businessKey).count()).isOne();
        assertThat(managementService.createJobQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult().getId()).count()).as("one waiting timer for the day").isOne();
        assertThat(consents(b)).contains("\"SURVEYS\":{\"granted\":true", "\"MARKETING\":{\"granted\":true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'CONSENT_GRANTED' AND case_key = ?",
                Long.class, "member-" + b)).isEqualTo(2);
    }

    @Test
    void withdraw_takesEffectAtOnce_noRenewalMailAndNoLapseFollow() {
        String to = uniqueEmail("withdraw");
        long m = member(to);
        grant(m, "SURVEYS");
        Instant expiresAt = expiryOf(m, "SURVEYS");
        record(m, "SURVEYS", false);
        assertThat(consents(m)).contains("\"SURVEYS\":{\"granted\":false");

        at(expiresAt.plus(Duration.ofDays(2)));
        assertThat(deliverMailTo(to)).extracting(ConsentIntegrationTest::subjectOf)
                .doesNotContain("Please renew your consent", "Reminder: your consent ends in 7 days");
        assertThat(actions(m)).containsExactly("GRANTED", "WITHDRAWN");
    }

    @Test
    void renewOnTime_afterTheRequest_noReminderNoLapse_andTheConsentMovesToALaterDay() {
        String to = uniqueEmail("renew");
        long m = member(to);
        grant(m, "SURVEYS");
        Instant expiresAt = expiryOf(m, "SURVEYS");

        at(expiresAt.minus(Duration.ofDays(29)));
        String renewLink = link(mail(to, "Please renew your consent"), "/links/renew/");
        HttpResponse<String> page = memberGet(renewLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Surveys");
        HttpResponse<String> renewed = memberPost(renewLink, List.of());
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(renewed.body()).contains("renewed");
        Instant renewedUntil = expiryOf(m, "SURVEYS");
        assertThat(renewedUntil).isAfter(expiresAt.plus(Duration.ofDays(300)));
        assertThat(memberPost(renewLink, List.of()).statusCode()).as("one POST, once").isEqualTo(410);

        at(expiresAt.plus(Duration.ofDays(2)));
        assertThat(deliverMailTo(to)).extracting(ConsentIntegrationTest::subjectOf).doesNotContain("Reminder: your consent ends in 7 days");
        assertThat(actions(m)).containsExactly("GRANTED", "RENEWED");
        assertThat(consents(m)).contains("\"SURVEYS\":{\"granted\":true");
        LocalDate later = LocalDate.ofInstant(renewedUntil, ZoneOffset.UTC);
        assertThat(jdbc.queryForObject("SELECT status FROM consent_expiry_day WHERE expiry_day = ?", String.class,
                java.sql.Date.valueOf(later))).isEqualTo("OPEN");
    }

    @Test
    void reminderThenRenew_noLapse() {
        String to = uniqueEmail("remind");
        long m = member(to);
        grant(m, "MARKETING");
        Instant expiresAt = expiryOf(m, "MARKETING");

        at(expiresAt.minus(Duration.ofDays(29)));
        assertThat(body(mail(to, "Please renew your consent"))).contains("Newsletters", "/links/preferences/");
        at(expiresAt.minus(Duration.ofDays(6)));
        String renewLink = link(mail(to, "Reminder: your consent ends in 7 days"), "/links/renew/");
        memberGet(renewLink);
        assertThat(memberPost(renewLink, List.of()).statusCode()).isEqualTo(200);

        at(expiresAt.plus(Duration.ofDays(2)));
        assertThat(actions(m)).containsExactly("GRANTED", "RENEWED");
        assertThat(consents(m)).contains("\"MARKETING\":{\"granted\":true");
    }

    @Test
    void noAnswer_requestThenReminderThenLapse_andTheConsentCountsAsNotGiven() {
        String to = uniqueEmail("lapse");
        long m = member(to);
        grant(m, "ORG_REPORTING");
        Instant expiresAt = expiryOf(m, "ORG_REPORTING");

        // At the expiry instant the consent already counts as not given, before the lapse is recorded.
        ClockUtil.setCurrentTime(Date.from(expiresAt.plusSeconds(1)));
        assertThat(consents(m)).contains("\"ORG_REPORTING\":{\"granted\":false");
        ClockUtil.reset();

        at(expiresAt.plus(Duration.ofDays(2)));
        assertThat(deliverMailTo(to)).extracting(ConsentIntegrationTest::subjectOf)
                .contains("Please renew your consent", "Reminder: your consent ends in 7 days");
        assertThat(actions(m)).containsExactly("GRANTED", "LAPSED");
        assertThat(consents(m)).contains("\"ORG_REPORTING\":{\"granted\":false,\"expiresAt\":null}");
    }

    private long member(String email) {
        return transaction.execute(status -> members.admit(subjects.findOrCreate(email, "Member " + email.substring(0, 8)), null));
    }

    private void grant(long memberId, String purpose) {
        record(memberId, purpose, true);
    }

    private void record(long memberId, String purpose, boolean granted) {
        HttpResponse<String> recorded = browser.postJson("/api/members/" + memberId + "/consents",
                "{\"purpose\":\"" + purpose + "\",\"granted\":" + granted + "}", "peter");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    }

    private Instant expiryOf(long memberId, String purpose) {
        return jdbc.queryForObject("SELECT expires_at FROM consent_entry WHERE member_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1",
                Timestamp.class, memberId, purpose).toInstant();
    }

    private List<String> actions(long memberId) {
        return jdbc.queryForList("SELECT action FROM consent_entry WHERE member_id = ? ORDER BY id", String.class, memberId);
    }

    /** Moves the engine clock and runs what the consent processes have due by then. */
    private void at(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        runConsentJobs();
    }
}
