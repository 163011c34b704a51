package org.steward.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.application.ApplicationProcess;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.support.IntegrationTest;
import org.steward.support.RejectingSmtp;

/**
 * Issue 14 item 2: an SMTP server that answers 4xx to some recipients and 5xx to others (a small server of our own,
 * {@link RejectingSmtp}). A 4xx is retried until the mail goes through, once; a 5xx is not retried: the mail is
 * FAILED at the first refusal, the case that queued it gets an {@code undeliverableMail} incident, and the audit
 * trail records it, without the address. A mail that can never be delivered holds up none of the others.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SmtpRefusalsTest extends IntegrationTest {

    static final RejectingSmtp SMTP = new RejectingSmtp();

    @AfterAll
    static void stopServer() {
        SMTP.close();
    }

    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JavaMailSenderImpl mailSender;
    private int usualPort;

    /** The shared context's sender talks to the refusing server during each test (a context of its own would need an engine of its own). */
    @BeforeEach
    void sendToTheRefusingServer() {
        usualPort = mailSender.getPort();
        mailSender.setPort(SMTP.port());
    }

    @AfterEach
    void sendToTheUsualServer() {
        mailSender.setPort(usualPort);
    }

    @Test
    void aRefusedMail_isGivenUpAtOnce_andItsCaseGetsAnIncident_whileTheOthersGoOut() {
        String bounced = uniqueEmail("bounce");
        String before = uniqueEmail("ok-before");
        String after = uniqueEmail("ok-after");
        // An applicant whose address the server refuses: the confirmation mail, queued by the process's first step.
        long applicationId = apply(bounced);
        String businessKey = ApplicationProcess.businessKey(applicationId);
        String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        // Two more mails, queued by no process, one on each side of it in the same batch.
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(welcome(before));
            outbox.enqueue(welcome(after));
        });
        runDueJobs();

        outboxDispatcher.dispatchDue();

        assertThat(SMTP.accepted()).extracting(RejectingSmtp.Accepted::recipient).contains(before.toLowerCase(), after.toLowerCase())
                .doesNotContain(bounced.toLowerCase());
        Map<String, Object> row = outboxRow(bounced);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(((Number) row.get("attempts")).intValue()).as("a 5xx is not retried").isEqualTo(1);
        assertThat(row.get("failure_kind")).isEqualTo("REFUSED");
        assertThat(((Number) row.get("last_smtp_code")).intValue()).isEqualTo(550);
        assertThat(row.get("owner_case_key")).isEqualTo(businessKey);
        assertThat(row.get("owner_process_instance_id")).isEqualTo(processId);

        List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(processId)
                .incidentType(UndeliverableMailIncidents.INCIDENT_TYPE).list();
        assertThat(incidents).as("the case's owner sees it in Cockpit").hasSize(1);
        assertThat(incidents.get(0).getConfiguration()).isEqualTo("outbox-" + row.get("id"));
        assertThat(incidents.get(0).getIncidentMessage()).contains("email-confirmation", "550").doesNotContain("@");
        List<Map<String, Object>> audit = jdbc.queryForList(
                "SELECT actor, detail FROM audit_entry WHERE action = 'MAIL_UNDELIVERABLE' AND case_key = ?", businessKey);
        assertThat(audit).hasSize(1);
        assertThat((String) audit.get(0).get("detail")).contains("outbox=" + row.get("id"), "reason=REFUSED", "smtp=550",
                "incident=" + incidents.get(0).getId()).doesNotContain("@");

        // Later polls neither retry it nor report it again; the process itself goes on waiting for the confirmation.
        outboxDispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(2)));
        assertThat(SMTP.attempts(bounced)).isEqualTo(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(processId).count()).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'MAIL_UNDELIVERABLE' AND case_key = ?",
                Long.class, businessKey)).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processId).count()).isOne();
    }

    @Test
    void aTemporaryRefusal_isRetriedUntilTheMailGoesThrough_once() {
        String greylisted = uniqueEmail("greylist");
        long applicationId = apply(greylisted);
        String processId = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId)).singleResult().getId();
        runDueJobs();

        Instant at = Instant.now();
        for (int attempt = 1; attempt <= RejectingSmtp.GREYLIST_REFUSALS; attempt++) {
            assertThat(outboxDispatcher.dispatchDue(at)).as("attempt %d", attempt).isZero();
            Map<String, Object> row = outboxRow(greylisted);
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(row.get("failure_kind")).isEqualTo("TRANSIENT");
            assertThat(((Number) row.get("last_smtp_code")).intValue()).isEqualTo(451);
            at = at.plus(Duration.ofHours(2)); // past any backoff
        }
        outboxDispatcher.dispatchDue(at);
        outboxDispatcher.dispatchDue(at.plus(Duration.ofHours(2)));

        assertThat(SMTP.accepted()).filteredOn(a -> a.recipient().equals(greylisted.toLowerCase())).hasSize(1);
        Map<String, Object> row = outboxRow(greylisted);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(RejectingSmtp.GREYLIST_REFUSALS + 1);
        assertThat(SMTP.attempts(greylisted)).isEqualTo(RejectingSmtp.GREYLIST_REFUSALS + 1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(processId).count()).isZero();
    }

    @Test
    void aRefusedMailQueuedByNoProcess_isRecordedInTheAuditTrailUnderItsSubject() {
        String bounced = uniqueEmail("bounce");
        transaction.executeWithoutResult(status -> outbox.enqueue(welcome(bounced)));
        outboxDispatcher.dispatchDue();
        Map<String, Object> row = outboxRow(bounced);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_entry WHERE action = 'MAIL_UNDELIVERABLE' AND detail LIKE ?",
                String.class, "outbox=" + row.get("id") + " %")).singleElement().asString().contains("incident=none");
    }

    private long apply(String applicant) {
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, uniqueEmail("referee")), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return idFrom(submitted.body());
    }

    private Map<String, Object> outboxRow(String recipient) {
        return jdbc.queryForMap("SELECT id, status, attempts, failure_kind, last_smtp_code, owner_case_key, owner_process_instance_id "
                + "FROM outbox_message WHERE recipient = ?", recipient);
    }

    private static Mail welcome(String to) {
        return new Mail("test-welcome-" + to, "member:test", "member-welcome", to, Map.of("name", "Mia"));
    }
}
