package org.steward.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.links.InvalidLinkException;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;

/**
 * The daily retention sweep (RET-1) on real data: deactivated members past retention are anonymised and their
 * waiting process ends; decided applications keep no referee identity, not even as an outbox recipient, while
 * undecided ones are left alone; expired links are deleted; mail delivered more than 30 days ago loses its
 * recipient. The daily timer is one job in the database, so a cluster runs it once; so is history cleanup (RET-2). Subclasses: H2, MariaDB.
 */
abstract class RetentionSweepScenario extends PrivacyJourney {

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DataSubjects subjects;
    @Autowired
    Members members;
    @Autowired
    LinkService links;
    @Autowired
    MailOutbox outbox;

    @Test
    void theSweepRemovesWhatMayNoLongerBeKept_andLeavesTheRest() throws Exception {
        String marker = Markers.unique();

        // A: an application decided through the process: referee data reduced, but their address still in the outbox.
        long decidedMember = admitThroughApplication("Decided Applicant " + marker, uniqueEmail("decided"));
        long decidedApplication = jdbc.queryForObject("SELECT id FROM application WHERE member_id = ?", Long.class, decidedMember);
        String decidedReferee = refereeAddressesOf(decidedApplication).get(0);
        assertThat(columnsHolding(decidedReferee)).containsOnly("outbox_message.recipient");

        // B: decided, but its reduction never ran (a step that failed, a decision from before the rule).
        String forgottenReferee = uniqueEmail("forgotten-referee");
        long forgottenApplication = submitApplication("Forgotten Applicant " + marker, uniqueEmail("forgotten"), forgottenReferee);
        deliverMailTo(forgottenReferee);
        jdbc.update("UPDATE application SET status = 'REJECTED', pending_subject_id = NULL WHERE id = ?", forgottenApplication);
        runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("application-" + forgottenApplication).singleResult().getId(), "test setup");

        // C: undecided: the referee is still needed.
        String awaitedReferee = uniqueEmail("awaited-referee");
        long awaitedApplication = submitApplication("Awaited Applicant " + marker, uniqueEmail("awaited"), awaitedReferee);
        deliverMailTo(awaitedReferee);

        // D: a member deactivated by a privacy officer whose retention period ended without the timer firing.
        String leaverName = "Overdue Leaver " + marker;
        String leaverEmail = uniqueEmail("overdue");
        long leaver = transaction.execute(s -> members.admit(subjects.findOrCreate(leaverEmail, leaverName), null));
        assertThat(browser.postJson("/api/members/" + leaver + "/deactivation", "", "priya").statusCode()).isEqualTo(202);
        runDueJobs();
        deliverMailTo(leaverEmail);
        jdbc.update("UPDATE member_deactivation SET retain_until = ? WHERE member_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), leaver);
        String leaverProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("member-" + leaver)
                .singleResult().getId();

        // E: an expired link and a live one.
        String expired = transaction.execute(s -> links.issue("sweep-test", 1L, Duration.ofDays(1)));
        String live = transaction.execute(s -> links.issue("sweep-test", 1L, Duration.ofDays(1)));
        jdbc.update("UPDATE member_link SET expires_at = ? WHERE token_hash = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))), sha256(expired));

        // F: mail delivered 31 days ago and mail delivered today.
        String oldRecipient = uniqueEmail("old-mail");
        String newRecipient = uniqueEmail("new-mail");
        transaction.executeWithoutResult(s -> {
            outbox.enqueue(new Mail("sweep-old-" + marker, "test:" + marker, "member-welcome", oldRecipient, Map.of("name", "Old")));
            outbox.enqueue(new Mail("sweep-new-" + marker, "test:" + marker, "member-welcome", newRecipient, Map.of("name", "New")));
        });
        deliverMailTo(oldRecipient);
        jdbc.update("UPDATE outbox_message SET sent_at = ? WHERE idempotency_key = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(31))), "sweep-old-" + marker);

        long auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(sequence_no), 0) FROM audit_entry", Long.class);
        ProcessInstance sweep = runtimeService.createMessageCorrelation("Msg_RetentionSweepRequested").correlateStartMessage();
        runJobsOf(sweep.getId());

        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(sweep.getId())
                .activityId("EndEvent_SweepDone").count()).isEqualTo(1);
        Map<String, Object> counts = historyService.createHistoricVariableInstanceQuery().processInstanceId(sweep.getId()).list()
                .stream().collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
        assertThat(counts).containsKeys("membersAnonymised", "applicationsReduced", "refereeMailsCleared", "linksDeleted",
                "exportsDeleted", "mailsCleared");
        assertThat((Integer) counts.get("membersAnonymised")).isGreaterThanOrEqualTo(1);
        // One entry per step under the day's key (an earlier run that day shares the key: count from before this one).
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE case_key = ? AND sequence_no > ? ORDER BY sequence_no",
                String.class, sweep.getBusinessKey(), auditBefore)).containsExactly("RETENTION_MEMBERS_ANONYMISED", "RETENTION_REFEREE_DATA_REDUCED",
                "RETENTION_LINKS_DELETED", "RETENTION_EXPORTS_DELETED", "RETENTION_MAIL_RECIPIENTS_CLEARED");

        // A, B: no referee of a decided application is left anywhere, not even as an outbox recipient (APP-4).
        assertThat(columnsHolding(decidedReferee)).isEmpty();
        assertThat(columnsHolding(forgottenReferee)).isEmpty();
        assertThat(jdbc.queryForList("SELECT referee_subject_id FROM reference_check WHERE application_id = ?", Object.class,
                forgottenApplication)).containsOnlyNulls();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message m JOIN reference_check r ON m.subject_ref = CONCAT('reference:', r.id) "
                + "WHERE r.application_id = ? AND m.recipient IS NULL AND m.template = 'application-reference-request'", Long.class,
                forgottenApplication)).isEqualTo(1);
        // C: untouched.
        assertThat(columnsHolding(awaitedReferee)).contains("data_subject.email", "outbox_message.recipient");
        assertThat(jdbc.queryForList("SELECT referee_subject_id FROM reference_check WHERE application_id = ?", Object.class,
                awaitedApplication)).doesNotContainNull();

        // D: hidden at once, then erased everywhere by the ErasureProcess the sweep started (RET-1, DSR-7),
        // and its waiting process ended with the reason.
        assertThat(status(leaver)).isEqualTo("ANONYMISED");
        runDueJobs();
        assertThat(retentionErasureOf(leaver)).isEqualTo("VERIFIED");
        assertThat(columnsHolding(leaverEmail)).isEmpty();
        assertThat(columnsHolding(leaverName)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(leaverProcess).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(leaverProcess).singleResult()
                .getDeleteReason()).contains("retention sweep");

        // E: the expired link is gone (as unknown as a made-up one); the live one works.
        assertThatThrownBy(() -> links.check("sweep-test", expired)).isInstanceOfSatisfying(InvalidLinkException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.UNKNOWN));
        assertThat(links.check("sweep-test", live).subjectId()).isEqualTo(1L);

        // F: the old mail no longer names its recipient; template, subject line and times stay. Today's keeps it.
        assertThat(jdbc.queryForMap("SELECT recipient, template, subject, sent_at FROM outbox_message WHERE idempotency_key = ?",
                "sweep-old-" + marker)).containsEntry("recipient", null).containsEntry("template", "member-welcome")
                .containsEntry("subject", "Welcome to the community").extractingByKey("sent_at").isNotNull();
        assertThat(jdbc.queryForObject("SELECT recipient FROM outbox_message WHERE idempotency_key = ?", String.class,
                "sweep-new-" + marker)).isEqualTo(newRecipient);
    }

    @Test
    void theDailySweep_isOneTimerJobInTheDatabase_dueAtTwoInTheMorning() {
        List<Job> timers = managementService.createJobQuery().processDefinitionKey("RetentionSweepProcess").timers().list();
        assertThat(timers).hasSize(1); // one job row: whichever instance of a cluster acquires it runs the sweep, once
        // At 02:00 server time (which day depends on whether tests before this one moved the engine clock past it).
        Instant due = timers.get(0).getDuedate().toInstant();
        assertThat(due.atZone(ZoneId.systemDefault()).toLocalTime()).isEqualTo(LocalTime.of(2, 0));
        // RET-2: and history cleanup by removal time is scheduled on this database too.
        assertThat(historyService.findHistoryCleanupJobs()).hasSize(1);
    }

    private List<String> refereeAddressesOf(long applicationId) {
        return jdbc.queryForList("SELECT m.recipient FROM outbox_message m JOIN reference_check r ON m.subject_ref = CONCAT('reference:', r.id) "
                + "WHERE r.application_id = ? AND m.recipient IS NOT NULL", String.class, applicationId);
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
