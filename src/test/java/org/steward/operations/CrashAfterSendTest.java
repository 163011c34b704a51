package org.steward.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.support.IntegrationTest;
import org.steward.support.TestSmtp;

/**
 * Issue 14 item 3: every outbox mail has a Message-ID generated when it is queued and stored with it. The instance
 * "crashes" after the SMTP server accepted a batch and before the batch is marked sent (the mail sender below throws
 * an Error there, which nothing catches, as a dying JVM would stop): once the claim lease has run out the next poll
 * sends the batch again, each mail with the same Message-ID, and marks it sent. Also measures the resend window.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestPropertySource(properties = {
        // A context of its own: its own database, engine name and no webapps (see DevMailBrowserTest), closed after the class.
        "spring.datasource.url=jdbc:h2:mem:steward-crash;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true", "camunda.bpm.webapp.enabled=false"})
@DirtiesContext
class CrashAfterSendTest extends IntegrationTest {

    /** What a crash does to the dispatcher: it stops, and nothing after the send runs. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after the SMTP server accepted the batch");
        }
    }

    /** Spring's sender, sending for real, with a crash switch and a stopwatch around each batch. */
    static final class CrashingMailSender extends JavaMailSenderImpl {
        volatile boolean crashAfterSend;
        volatile long firstAcceptedNanos;
        volatile long batchSentNanos;
        volatile Runnable whileSending;

        @Override
        protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) throws MailException {
            Runnable during = whileSending;
            if (during != null) {
                whileSending = null;
                during.run();
            }
            firstAcceptedNanos = System.nanoTime();
            super.doSend(mimeMessages, originalMessages);
            batchSentNanos = System.nanoTime();
            if (crashAfterSend) {
                crashAfterSend = false;
                throw new SimulatedCrash();
            }
        }
    }

    @TestConfiguration
    static class CrashingSender {
        @Bean
        CrashingMailSender mailSender(@org.springframework.beans.factory.annotation.Value("${spring.mail.host}") String host,
                                      @org.springframework.beans.factory.annotation.Value("${spring.mail.port}") int port) {
            CrashingMailSender sender = new CrashingMailSender();
            sender.setHost(host);
            sender.setPort(port);
            sender.setDefaultEncoding("UTF-8");
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
            return sender;
        }
    }

    @Autowired
    CrashingMailSender sender;
    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aCrashAfterTheServerAcceptedTheMail_resendsItAfterTheLease_withTheSameMessageId() throws Exception {
        String to = uniqueEmail("crash");
        transaction.executeWithoutResult(status -> outbox.enqueue(new Mail("crash-" + to, "test:crash", "member-welcome", to,
                Map.of("name", "Mia"))));
        String stored = jdbc.queryForObject("SELECT message_id FROM outbox_message WHERE recipient = ?", String.class, to);
        assertThat(stored).matches("<[0-9a-f-]{36}@steward\\.local>");

        Instant crashAt = Instant.now();
        sender.crashAfterSend = true;
        assertThatThrownBy(() -> outboxDispatcher.dispatchDue(crashAt)).isInstanceOf(SimulatedCrash.class);
        assertThat(received(to)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE recipient = ?", String.class, to))
                .as("the crash came before the row was marked").isEqualTo("PENDING");

        // Another instance (or this one, restarted) polls: the claim holds it back until the lease runs out.
        assertThat(outboxDispatcher.dispatchDue(crashAt.plus(Duration.ofMinutes(4)))).isZero();
        assertThat(outboxDispatcher.dispatchDue(crashAt.plus(Duration.ofMinutes(6)))).isEqualTo(1);

        List<MimeMessage> copies = received(to);
        assertThat(copies).as("the resend").hasSize(2);
        for (MimeMessage copy : copies) {
            assertThat(copy.getMessageID()).isEqualTo(stored);
        }
        assertThat(jdbc.queryForMap("SELECT status, attempts, message_id FROM outbox_message WHERE recipient = ?", to))
                .containsEntry("status", "SENT").containsEntry("message_id", stored);
        outboxDispatcher.dispatchDue(crashAt.plus(Duration.ofHours(1)));
        assertThat(received(to)).as("sent, so never again").hasSize(2);
    }

    /**
     * A batch that takes longer than its lease: the mails whose lease ran out, and which another instance claimed
     * meanwhile, are that instance's; this one leaves them alone instead of sending them a second time.
     */
    @Test
    void mailsClaimedByAnotherInstanceWhileABatchIsSent_areLeftToIt() throws Exception {
        outboxDispatcher.dispatchDue(); // leftovers of other tests first
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String to = "lease-" + run + "-" + i + "@example.org";
            mails.add(new Mail("lease-" + to, "test:lease", "member-welcome", to, Map.of("name", "Mia")));
        }
        transaction.executeWithoutResult(status -> outbox.enqueueAll(mails));
        List<Long> ids = jdbc.queryForList("SELECT id FROM outbox_message WHERE recipient LIKE ? ORDER BY id", Long.class,
                "lease-" + run + "-%");
        List<Long> laterChunks = ids.subList(20, 30);
        // While the first chunk goes out, the second instance claims the rest as if their lease had run out.
        sender.whileSending = () -> new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).update("""
                UPDATE outbox_message SET claim_token = 'the-other-instance', claimed_until = :until WHERE id IN (:ids)""",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("ids", laterChunks)
                        .addValue("until", java.sql.Timestamp.from(Instant.now().plus(Duration.ofMinutes(5)))));

        assertThat(outboxDispatcher.dispatchDue()).isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient LIKE ? AND status = 'PENDING' "
                + "AND claim_token = 'the-other-instance'", Long.class, "lease-" + run + "-%")).isEqualTo(10);
        for (int i = 20; i < 30; i++) {
            assertThat(received("lease-" + run + "-" + i + "@example.org")).as("left to the other instance").isEmpty();
        }
    }

    /**
     * The window in which a crash causes a resend: from the server accepting a batch's first mail to the UPDATE that
     * marks the batch sent. Measured for a full batch (steward.outbox.batch-size, 200) sent in chunks of
     * OutboxDispatcher.SEND_CHUNK (20): the window is the last chunk's; figures go to the README.
     */
    @Test
    void measureTheResendWindowOfAFullBatch() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String to = "window-" + run + "-" + i + "@example.org";
            mails.add(new Mail("window-" + to, "test:window", "member-welcome", to, Map.of("name", "Mia")));
        }
        transaction.executeWithoutResult(status -> outbox.enqueueAll(mails));
        outboxDispatcher.dispatchDue(); // leftovers of other tests first, so the batch below is only ours
        long[] windows = new long[3];
        long[] sends = new long[3];
        for (int round = 0; round < 3; round++) {
            String prefix = "window-" + run + "-";
            jdbc.update("UPDATE outbox_message SET status = 'PENDING', attempts = 0, html_body = 'x', text_body = 'x' "
                    + "WHERE recipient LIKE ?", prefix + "%");
            outboxDispatcher.dispatchDue();
            long marked = System.nanoTime();
            windows[round] = (marked - sender.firstAcceptedNanos) / 1_000_000;
            sends[round] = (sender.batchSentNanos - sender.firstAcceptedNanos) / 1_000_000;
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient LIKE ? AND status = 'SENT'",
                    Long.class, prefix + "%")).isEqualTo(200);
        }
        System.out.printf("CrashAfterSendTest: resend window of a 20-mail chunk (200-mail batch) %s ms (of which SMTP %s ms)%n",
                Arrays.toString(windows), Arrays.toString(sends));
    }

    private List<MimeMessage> received(String to) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients() != null && message.getAllRecipients()[0].toString().equals(to)) {
                found.add(message);
            }
        }
        return found;
    }
}
