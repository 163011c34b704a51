package org.steward.audit.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.support.IntegrationTest;

/**
 * The request deadline compliance and consent-by-purpose reports (AUD-4, DSR-3, CON-1 to CON-3) over real HTTP:
 * requests filed by a privacy officer (one refused in time, one still open), consents in the ledger, and each
 * report's page and RFC 4180 CSV; the request's timeline shows its 30-day deadline. No address, no free text.
 * Subclasses run it on H2 and MariaDB/MySQL.
 */
abstract class AuditReportsScenario extends IntegrationTest {

    private static final String REFUSAL = "We hold nothing under that name";
    /** Ledger rows of members that do not exist, removed afterwards: the counts are checked as differences. */
    private static final long FAKE_MEMBER = 970_000_000L;

    @Test
    void requestDeadlineCompliance_perRequest_withCsv_andTheDeadlineOnTheTimeline() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String refusedEmail = uniqueEmail("audited-requester");
        long refused = onBehalf(refusedEmail, "ACCESS");
        completeAsTasklist(taskService.createTaskQuery().processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(refused))
                .taskDefinitionKey(DataSubjectRequestProcess.TASK_REVIEW_REQUEST).singleResult().getId(), "priya",
                "{\"decision\":\"REFUSE\",\"reason\":\"" + REFUSAL + "\",\"reasonCategory\":\"NO_DATA_HELD\"}");
        runDueJobs();
        String openEmail = uniqueEmail("audited-open");
        long open = onBehalf(openEmail, "ERASURE");

        AuditJourneyScenario.AuditorSession audrey = new AuditJourneyScenario.AuditorSession(port);
        HttpResponse<String> csv = audrey.get("/audit/reports/requests?from=" + today + "&to=" + today + "&format=csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("request-deadlines.csv");
        assertThat(csv.body()).startsWith(String.join(",", RequestReport.HEADER) + "\r\n");
        List<String> refusedRow = AuditJourneyScenario.csvRow(csv.body(), DataSubjectRequestProcess.businessKey(refused), "");
        assertThat(refusedRow.get(1)).isEqualTo("ACCESS");
        assertThat(refusedRow.get(3)).isNotEmpty();   // due
        assertThat(refusedRow.get(5)).isNotEmpty();   // answered
        assertThat(refusedRow.get(6)).isEqualTo("MET");
        assertThat(refusedRow.get(7)).isEqualTo("REFUSED");
        List<String> openRow = AuditJourneyScenario.csvRow(csv.body(), DataSubjectRequestProcess.businessKey(open), "");
        assertThat(openRow.get(1)).isEqualTo("ERASURE");
        assertThat(openRow.get(5)).isEmpty();
        assertThat(openRow.get(6)).isEqualTo("OPEN");
        assertThat(audrey.get("/audit/reports/requests/report.csv?from=" + today).body())
                .contains(DataSubjectRequestProcess.businessKey(open));

        HttpResponse<String> page = audrey.get("/audit/reports/requests?from=" + today);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Request deadline compliance", DataSubjectRequestProcess.businessKey(refused), "Download CSV");

        // DSR-3 on the timeline: the request's deadline with its outcome, through CaseDeadlines.
        String timeline = audrey.get("/audit/cases/" + DataSubjectRequestProcess.KEY + "/" + DataSubjectRequestProcess.businessKey(refused)).body();
        assertThat(timeline).contains("id=\"deadlines\"", "ANSWER", "MET", "priya",
                "reasonCategory (PRIVACY_REQUEST_REFUSE)", "NO_DATA_HELD", "<td class=\"recipient-role\">REQUESTER</td>");
        assertThat(jdbc.queryForObject("SELECT decision_category FROM privacy_request WHERE id = ?", String.class, refused))
                .isEqualTo("NO_DATA_HELD");
        String openTimeline = audrey.get("/audit/cases/" + DataSubjectRequestProcess.KEY + "/" + DataSubjectRequestProcess.businessKey(open)).body();
        assertThat(openTimeline).contains("ANSWER", "OPEN");
        for (String body : List.of(csv.body(), page.body(), timeline, openTimeline)) {
            assertThat(body).doesNotContain(refusedEmail, openEmail, REFUSAL, "Asked by phone");
        }
    }

    @Test
    void consentStateByPurpose_countsTheLedger_withCsv() {
        Instant now = Instant.now();
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String to = LocalDate.now(ZoneOffset.UTC).plusDays(40).toString();
        AuditJourneyScenario.AuditorSession audrey = new AuditJourneyScenario.AuditorSession(port);
        List<String> before = consentRow(audrey, from, to, "ORG_REPORTING");
        try {
            // Member 1 granted, runs out in 20 days (a renewal falls due); member 2 granted then withdrew;
            // member 3 renewed (runs out in a year); member 4's consent ran out an hour ago and was not yet swept.
            ledger(1, "GRANTED", true, now.plus(Duration.ofDays(20)), now.minus(Duration.ofHours(2)));
            ledger(2, "GRANTED", true, now.plus(Duration.ofDays(300)), now.minus(Duration.ofHours(3)));
            ledger(2, "WITHDRAWN", false, null, now.minus(Duration.ofHours(1)));
            ledger(3, "RENEWED", true, now.plus(Duration.ofDays(365)), now.minus(Duration.ofMinutes(30)));
            ledger(4, "GRANTED", true, now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(400)));
            List<String> after = consentRow(audrey, from, to, "ORG_REPORTING");
            // purpose, current_grants, granted, renewed, withdrawn, expired, renewals_due
            assertThat(delta(after, before, 1)).as("given now").isEqualTo(2);
            assertThat(delta(after, before, 2)).as("granted in the period").isEqualTo(2);
            assertThat(delta(after, before, 3)).as("renewed").isEqualTo(1);
            assertThat(delta(after, before, 4)).as("withdrawn").isEqualTo(1);
            assertThat(delta(after, before, 5)).as("expired").isEqualTo(1);
            assertThat(delta(after, before, 6)).as("renewals due").isEqualTo(1);
            String page = audrey.get("/audit/reports/consents?from=" + from + "&to=" + to).body();
            assertThat(page).contains("Consent state by purpose", "data-purpose=\"ORG_REPORTING\"", "data-purpose=\"MARKETING\"");
            assertThat(audrey.get("/audit/reports/consents/report.csv").body()).startsWith(String.join(",", ConsentReport.HEADER) + "\r\n");
        } finally {
            jdbc.update("DELETE FROM consent_entry WHERE member_id BETWEEN ? AND ?", FAKE_MEMBER, FAKE_MEMBER + 10);
        }
    }

    private long onBehalf(String email, String type) {
        HttpResponse<String> filed = browser.postJson("/api/privacy-requests/on-behalf",
                "{\"email\":\"%s\",\"type\":\"%s\",\"details\":\"Asked by phone\"}".formatted(email, type), "priya");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        runDueJobs();
        return idFrom(filed.body());
    }

    private void ledger(int member, String action, boolean granted, Instant expires, Instant recorded) {
        jdbc.update("INSERT INTO consent_entry (member_id, purpose, action, granted, expires_at, policy_version, channel, evidence, recorded_at)"
                        + " VALUES (?, 'ORG_REPORTING', ?, ?, ?, '1', 'STAFF', 'audit-report-test', ?)",
                FAKE_MEMBER + member, action, granted, expires == null ? null : Timestamp.from(expires.truncatedTo(ChronoUnit.SECONDS)),
                Timestamp.from(recorded.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static List<String> consentRow(AuditJourneyScenario.AuditorSession audrey, String from, String to, String purpose) {
        HttpResponse<String> csv = audrey.get("/audit/reports/consents?from=" + from + "&to=" + to + "&format=csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        return AuditJourneyScenario.csvRow(csv.body(), purpose, "");
    }

    private static long delta(List<String> after, List<String> before, int column) {
        return Long.parseLong(after.get(column)) - Long.parseLong(before.get(column));
    }
}
