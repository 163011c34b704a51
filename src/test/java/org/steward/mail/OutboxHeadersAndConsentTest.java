package org.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.IntegrationTest;

/**
 * The outbox's two additions for consent (issue 11): per-message headers are stored with the mail and sent
 * (CON-5: List-Unsubscribe), never a header that could inject another; and a mail queued for a consent
 * purpose is asked about again as it goes out (CON-2): without a current consent it is cancelled, not sent.
 */
class OutboxHeadersAndConsentTest extends IntegrationTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    org.steward.subjects.DataSubjects subjects;

    @Test
    void headersAreSentAsQueued_andForgottenOnceSent() throws Exception {
        String to = uniqueEmail("headers");
        inTransaction(() -> outbox.enqueue(new Mail("test-headers-" + to, "test:headers", "member-welcome", to, Map.of("name", "Ida"))
                .withHeaders(Map.of("List-Unsubscribe", "<https://steward.example/links/unsubscribe/abc>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))));
        List<MimeMessage> delivered = deliverMailTo(to);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).getHeader("List-Unsubscribe")).containsExactly("<https://steward.example/links/unsubscribe/abc>");
        assertThat(delivered.get(0).getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(jdbc.queryForObject("SELECT mail_headers FROM outbox_message WHERE recipient = ?", String.class, to))
                .as("the raw link token goes with the body").isNull();
    }

    @Test
    void aHeaderThatWouldInjectAnother_isRefused() {
        Mail mail = new Mail("k", "test:x", "member-welcome", "a@example.org", Map.of("name", "Ida"));
        assertThatThrownBy(() -> mail.withHeaders(Map.of("List-Unsubscribe", "<https://x>\r\nBcc: victim@example.org")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail.withHeaders(Map.of("Bad Name", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMailForAPurposeTheRecipientDoesNotConsentTo_isCancelledAtDispatch_notSent() {
        String to = uniqueEmail("no-consent");
        inTransaction(() -> {
            long subject = subjects.findOrCreate(to, "Ida"); // known, but no member and no consent
            outbox.enqueue(new Mail("test-purpose-" + to, "test:purpose", "member-welcome", to, Map.of("name", "Ida"))
                    .forConsentPurpose("MARKETING"));
            outbox.enqueue(new Mail("test-purpose-subject-" + to, "test:purpose", "member-welcome", to, Map.of("name", "Ida"))
                    .toSubject(subject).forConsentPurpose("MARKETING"));
        });
        assertThat(deliverMailTo(to)).isEmpty();
        assertThat(jdbc.queryForList("SELECT status FROM outbox_message WHERE recipient = ?", String.class, to))
                .containsExactly("CANCELLED", "CANCELLED");
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
