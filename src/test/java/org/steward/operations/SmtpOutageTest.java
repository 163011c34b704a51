package org.steward.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.support.IntegrationTest;
import org.steward.support.TestSmtp;

/**
 * Issue 14 item 1: 500 mails are queued and the SMTP server is down for longer than several retry intervals (short
 * ones, set here); when it is back every mail arrives exactly once, each with the Message-ID its outbox row holds.
 * The outbox is polled as the scheduler would, in real time.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@TestPropertySource(properties = {
        // A context of its own: its own database, engine name and no webapps (see DevMailBrowserTest), closed after the class.
        "spring.datasource.url=jdbc:h2:mem:steward-outage;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true", "camunda.bpm.webapp.enabled=false",
        "steward.outbox.first-retry=PT0.5S", "steward.outbox.longest-retry=PT1S",
        "steward.outbox.max-attempts=1000"})
@DirtiesContext
class SmtpOutageTest extends IntegrationTest {

    static final int MAILS = 500;
    static final long OUTAGE_MILLIS = 6_000;
    static final long POLL_MILLIS = 200;

    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void fiveHundredMailsQueuedDuringAnOutage_eachArrivesExactlyOnce_withItsOwnMessageId() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            recipients.add("outage-" + run + "-" + i + "@example.org");
        }
        TestSmtp.stop();
        long outage;
        long outageStarted = System.currentTimeMillis();
        try {
            for (int from = 0; from < MAILS; from += 100) {
                List<Mail> chunk = recipients.subList(from, from + 100).stream()
                        .map(to -> new Mail("outage-" + to, "test:outage", "member-welcome", to, Map.of("name", "Mia"))).toList();
                transaction.executeWithoutResult(status -> outbox.enqueueAll(chunk));
            }
            // The outage lasts OUTAGE_MILLIS and at least until every mail has been tried three times (on a loaded
            // machine one poll of 500 failing mails may take seconds; the class timeout bounds it).
            int polls = 0;
            int fewestAttempts = 0;
            while (System.currentTimeMillis() - outageStarted < OUTAGE_MILLIS || fewestAttempts < 3) {
                assertThat(outboxDispatcher.dispatchDue()).as("nothing goes out while SMTP is down").isZero();
                polls++;
                fewestAttempts = fewestAttempts(run);
                Thread.sleep(POLL_MILLIS);
            }
            outage = System.currentTimeMillis() - outageStarted;
            assertThat(fewestAttempts).as("every mail was tried several times during the outage (%d polls)", polls).isGreaterThanOrEqualTo(3);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient LIKE ? AND status = 'PENDING'",
                    Long.class, "outage-" + run + "-%")).isEqualTo(MAILS);
        } finally {
            TestSmtp.restart();
        }

        long restarted = System.currentTimeMillis();
        while (pending(run) > 0) {
            outboxDispatcher.dispatchDue();
            Thread.sleep(POLL_MILLIS);
        }
        long drained = System.currentTimeMillis() - restarted;
        for (int i = 0; i < 10; i++) { // a few more polls: nothing is sent twice
            outboxDispatcher.dispatchDue();
            Thread.sleep(50);
        }

        Map<String, String> storedIds = new HashMap<>();
        jdbc.query("SELECT recipient, message_id, status FROM outbox_message WHERE recipient LIKE ?", rs -> {
            assertThat(rs.getString("status")).isEqualTo("SENT");
            storedIds.put(rs.getString("recipient"), rs.getString("message_id"));
        }, "outage-" + run + "-%");
        Map<String, Integer> received = new HashMap<>();
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            Address[] to = message.getAllRecipients();
            String recipient = to == null ? "" : to[0].toString();
            if (!recipient.startsWith("outage-" + run + "-")) {
                continue; // other tests' leftovers
            }
            received.merge(recipient, 1, Integer::sum);
            String messageId = message.getMessageID();
            assertThat(messageId).as("Message-ID of the mail to %s", recipient).isEqualTo(storedIds.get(recipient));
            messageIds.add(messageId);
        }
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(received.values()).as("each mail exactly once").containsOnly(1);
        assertThat(messageIds).hasSize(MAILS);
        System.out.printf("SmtpOutageTest: %d mails, outage %d ms, all delivered %d ms after the server came back%n",
                MAILS, outage, drained);
    }

    private int fewestAttempts(String run) {
        return jdbc.queryForObject("SELECT MIN(attempts) FROM outbox_message WHERE recipient LIKE ?", Integer.class, "outage-" + run + "-%");
    }

    private long pending(String run) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient LIKE ? AND status <> 'SENT'", Long.class,
                "outage-" + run + "-%");
    }
}
