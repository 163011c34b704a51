package org.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.IntegrationTest;
import org.steward.support.TestSmtp;

/** The outbox against a real SMTP server: an outage delays mail and loses none; a repeated event sends once. */
class MailOutboxTest extends IntegrationTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxRepository messages;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void smtpOutage_delaysMail_losesNone_andEachIsDeliveredOnce() {
        List<String> recipients = List.of(uniqueEmail("a"), uniqueEmail("b"), uniqueEmail("c"));
        TestSmtp.stop();
        try {
            inTransaction(() -> recipients.forEach(to -> outbox.enqueue(welcome(to))));
            assertThat(outboxDispatcher.dispatchDue()).isZero();
            for (String to : recipients) {
                OutboxMessage message = messages.findByRecipientOrderById(to).get(0);
                assertThat(message.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
                assertThat(message.getAttempts()).isEqualTo(1);
                assertThat(message.getLastError()).isNotBlank();
                assertThat(message.getNextAttemptAt()).isAfter(Instant.now()); // backing off
            }
        } finally {
            TestSmtp.restart();
        }

        assertThat(outboxDispatcher.dispatchDue()).as("nothing is due during the backoff").isZero();
        assertThat(outboxDispatcher.dispatchDue(Instant.now().plus(1, ChronoUnit.HOURS))).isEqualTo(3);
        assertThat(outboxDispatcher.dispatchDue(Instant.now().plus(2, ChronoUnit.HOURS))).isZero();

        for (String to : recipients) {
            assertThat(deliverMailTo(to)).as("mail to %s", to).hasSize(1);
            OutboxMessage sent = messages.findByRecipientOrderById(to).get(0);
            assertThat(sent.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
            assertThat(sent.getAttempts()).isEqualTo(2);
            assertThat(sent.getSentAt()).isNotNull();
            assertThat(sent.getTextBody()).as("a sent mail's body (and its link tokens) is not kept").isEmpty();
            assertThat(sent.getSubject()).isEqualTo("Welcome to the community");
        }
    }

    @Test
    void theSameBusinessEventTwice_queuesAndSendsOneMail() throws Exception {
        String to = uniqueEmail("member");
        Mail mail = welcome(to);
        inTransaction(() -> {
            assertThat(outbox.enqueue(mail)).isTrue();
            assertThat(outbox.enqueue(mail)).isFalse();
        });
        inTransaction(() -> assertThat(outbox.enqueue(mail)).isFalse()); // a retried step, later
        List<MimeMessage> delivered = deliverMailTo(to);
        assertThat(delivered).hasSize(1);
        assertThat(body(delivered.get(0))).contains("Welcome, Mia");
        assertThat(delivered.get(0).getContentType()).startsWith("multipart/"); // HTML with a plain-text part
        assertThat(messages.findByRecipientOrderById(to)).hasSize(1);
    }

    @Test
    void aMailThatCannotBeBuilt_isGivenUpAtOnce_andStaysVisible() {
        String to = "not an address";
        inTransaction(() -> outbox.enqueue(welcome(to)));
        outboxDispatcher.dispatchDue(Instant.now().plus(2, ChronoUnit.HOURS));
        outboxDispatcher.dispatchDue(Instant.now().plus(4, ChronoUnit.HOURS));
        OutboxMessage failed = messages.findByRecipientOrderById(to).get(0);
        assertThat(failed.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(failed.getAttempts()).as("retrying cannot make it an address").isEqualTo(1);
        assertThat(failed.getFailureKind()).isEqualTo("UNBUILDABLE");
    }

    @Test
    void aMailThatKeepsFailingForAReasonThatMightPass_isGivenUpAfterTheLastAttempt() {
        String to = uniqueEmail("exhausted");
        inTransaction(() -> outbox.enqueue(welcome(to)));
        TestSmtp.stop();
        try {
            Instant later = Instant.now();
            for (int attempt = 0; attempt < 12; attempt++) {
                later = later.plus(2, ChronoUnit.HOURS);
                outboxDispatcher.dispatchDue(later);
            }
        } finally {
            TestSmtp.restart();
        }
        OutboxMessage failed = messages.findByRecipientOrderById(to).get(0);
        assertThat(failed.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(10);
        assertThat(failed.getFailureKind()).isEqualTo("ATTEMPTS_EXHAUSTED");
    }

    @Test
    void eachMailGetsItsOwnMessageId_whenQueued_andIsSentWithIt() throws Exception {
        String to = uniqueEmail("message-id");
        inTransaction(() -> outbox.enqueue(welcome(to)));
        String stored = messages.findByRecipientOrderById(to).get(0).getMessageId();
        assertThat(stored).matches("<[0-9a-f-]{36}@steward\\.local>");
        assertThat(deliverMailTo(to)).singleElement().extracting(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).isEqualTo(stored);
        assertThat(messages.findByRecipientOrderById(to).get(0).getMessageId()).as("kept once sent").isEqualTo(stored);
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToAnHour() {
        assertThat(outboxDispatcher.backoff(1)).hasSeconds(30);
        assertThat(outboxDispatcher.backoff(2)).hasSeconds(60);
        assertThat(outboxDispatcher.backoff(5)).hasSeconds(480);
        assertThat(outboxDispatcher.backoff(30)).hasHours(1);
        assertThat(OutboxDispatcher.backoff(3, java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1))).hasMillis(1000);
    }

    private Mail welcome(String to) {
        return new Mail("test-welcome-" + to, "member:test", "member-welcome", to, Map.of("name", "Mia"));
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
