package org.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentRequest;
import org.steward.breach.IncidentIntake;
import org.steward.support.IntegrationTest;
import org.steward.support.TestSmtp;

/**
 * BRE-5 at scale, run on demand (see bench/README.md): 100,000 affected members. Measures the time
 * from the officers' approval of the member notice until every notice is queued (the process's
 * chunk jobs, run one after another as the job executor would), the time the outbox takes to deliver
 * them all to GreenMail on loopback, and, for comparison, a raw JavaMail loop sending the same
 * messages over one reused connection to the same sink.
 */
@Tag("bench")
class MemberNoticeBenchmark extends IntegrationTest {

    private static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    private static final String SUMMARY = "Benchmark incident: a laptop with a member export was stolen";
    private static final String MESSAGE = "Please change your password; we are sorry for the trouble.";

    @Autowired
    private IncidentIntake incidents;

    @Test
    void queueAndDeliverMemberNotices() throws Exception {
        long organisationId = idFrom(browser.postJson("/api/organisations", """
                {"name":"Bench organisation","website":""}""", "ada").body());
        assertThat(browser.putJson("/api/organisations/" + organisationId + "/security-contacts", """
                {"isoName":"Ines Officer","isoEmail":"iso@bench.example"}""", "ada").statusCode()).isEqualTo(200);
        insertMembers(organisationId);

        IncidentIntake.Reported reported = incidents.report(new IncidentRequest(Instant.now().minusSeconds(3600),
                SUMMARY, List.of("contact details"), List.of(organisationId), List.of(), List.of(organisationId)), "sam");
        String businessKey = BreachProcess.businessKey(reported.id());
        runAllJobs();
        complete(BreachProcess.TASK_TRIAGE, businessKey, "{\"genuineIncident\":true}");
        complete(BreachProcess.TASK_APPROVE_ISO_NOTICE, businessKey, "{}");
        outboxDispatcher.dispatchDue();
        TestSmtp.server().purgeEmailFromAllMailboxes();

        long queueStart = System.nanoTime();
        complete(BreachProcess.TASK_APPROVE_MEMBER_NOTICE, businessKey, "{\"memberMessage\":\"" + MESSAGE + "\"}");
        Duration queueing = Duration.ofNanos(System.nanoTime() - queueStart);
        long queued = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE template = 'incident-member-notice'", Long.class);
        assertThat(queued).isEqualTo(MEMBERS);

        // GreenMail creates a mailbox for each new recipient on first delivery; create them all up
        // front so that neither measured run pays for it.
        jdbc.queryForList("SELECT recipient FROM outbox_message WHERE template = 'incident-member-notice'", String.class)
                .forEach(address -> TestSmtp.server().setUser(address, address, "x"));

        long deliveryStart = System.nanoTime();
        int delivered = 0;
        int round;
        while ((round = outboxDispatcher.dispatchDue()) > 0) {
            delivered += round;
        }
        Duration delivery = Duration.ofNanos(System.nanoTime() - deliveryStart);
        assertThat(delivered).isEqualTo(MEMBERS);
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(MEMBERS);
        TestSmtp.server().purgeEmailFromAllMailboxes();

        Duration raw = rawJavaMailLoop();
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(MEMBERS);
        TestSmtp.server().purgeEmailFromAllMailboxes();

        // Issue 15: what was typed, the summary and the people's names and emails never reached history.
        for (String text : List.of(MESSAGE, SUMMARY, "Ines Officer", "iso@bench.example", "Member 0", "member0@bench.example",
                "member" + (MEMBERS - 1) + "@bench.example")) {
            assertNotInHistory(text);
        }

        System.out.printf("%nBENCH members=%d cores=%d%nBENCH queue    %6.1f s%nBENCH delivery %6.1f s (outbox, batch size %s)%n"
                        + "BENCH raw loop %6.1f s (JavaMail, one connection)%nBENCH ratio delivery/raw %.2f%n%n",
                MEMBERS, Runtime.getRuntime().availableProcessors(), seconds(queueing), seconds(delivery),
                System.getProperty("steward.outbox.batch-size", "200"), seconds(raw), seconds(delivery) / seconds(raw));
    }

    /** The same rendered mails, sent with plain JavaMail over one connection, with nothing around it. */
    private Duration rawJavaMailLoop() throws Exception {
        List<MimeMessage> messages = new ArrayList<>(MEMBERS);
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(TestSmtp.PORT));
        if (Boolean.getBoolean("bench.raw.timeouts")) { // the service's own socket timeouts (application.properties)
            properties.put("mail.smtp.connectiontimeout", "5000");
            properties.put("mail.smtp.timeout", "10000");
            properties.put("mail.smtp.writetimeout", "10000");
        }
        Session session = Session.getInstance(properties);
        jdbc.query("SELECT recipient, subject, html_body, text_body FROM outbox_message WHERE template = 'incident-member-notice'",
                rs -> {
                    try {
                        MimeMessage message = new MimeMessage(session);
                        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                        helper.setFrom("no-reply@steward.local");
                        helper.setTo(rs.getString(1));
                        helper.setSubject(rs.getString(2));
                        helper.setText(rs.getString(4), rs.getString(3));
                        messages.add(message);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (MimeMessage message : messages) {
                message.saveChanges();
                transport.sendMessage(message, message.getRecipients(Message.RecipientType.TO));
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void insertMembers(long organisationId) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            rows.add(new Object[] {"member" + i + "@bench.example", "Member " + i, now});
            if (rows.size() == 5000 || i == MEMBERS - 1) {
                jdbc.batchUpdate("INSERT INTO data_subject (email, display_name, created_at, version) VALUES (?, ?, ?, 0)", rows);
                rows.clear();
            }
        }
        jdbc.update("""
                INSERT INTO member (subject_id, status, organisation_id, essential_communications, joined_at, version)
                SELECT id, 'ACTIVE', ?, TRUE, ?, 0 FROM data_subject WHERE email LIKE '%@bench.example' ORDER BY id""",
                organisationId, now);
    }

    /** As Tasklist does: the typed input to Steward's task API, then the engine's submit-form with no variables. */
    private void complete(String taskKey, String businessKey, String inputJson) {
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .singleResult().getId();
        completeAsTasklist(taskId, "sam", inputJson);
        runAllJobs();
    }

    /** Like the job executor: runs due jobs until none is left (the member notice runs one job per chunk). */
    private void runAllJobs() {
        while (true) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
