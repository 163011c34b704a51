package org.steward.mail;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.steward.system.StewardProperties;

/**
 * Sends what the outbox holds. A batch is first claimed (so two instances never send the same mail),
 * then sent over one SMTP connection, then marked sent (keeping who, what template, subject and
 * when, but not the body, which held the raw link tokens); failures are retried with exponential
 * backoff until {@code steward.outbox.max-attempts}, after which the mail is FAILED for staff to see.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final NamedParameterJdbcTemplate jdbc;
    private final JavaMailSender mailSender;
    private final StewardProperties properties;
    private final Clock clock;
    private final ObjectProvider<PurposeConsent> consent;
    /** How long a claimed batch is this instance's: after that (the instance died mid-batch) another may send it. */
    private final Duration claimLease;

    OutboxDispatcher(NamedParameterJdbcTemplate jdbc, JavaMailSender mailSender, StewardProperties properties, Clock clock,
                     ObjectProvider<PurposeConsent> consent, @Value("${steward.outbox.claim-lease:PT5M}") Duration claimLease) {
        this.claimLease = claimLease;
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.consent = consent;
    }

    /** Sends every mail due now; returns how many were delivered. */
    public int dispatchDue() {
        return dispatchDue(clock.instant());
    }

    /** Sends every mail due at {@code asOf}, batch after batch, until none is left. */
    public int dispatchDue(Instant asOf) {
        int delivered = 0;
        while (true) {
            List<Row> batch = claimBatch(asOf);
            if (batch.isEmpty()) {
                return delivered;
            }
            delivered += send(withoutWithdrawnConsent(batch, asOf), asOf);
            if (batch.size() < properties.outbox().batchSize()) {
                return delivered;
            }
        }
    }

    private List<Row> claimBatch(Instant asOf) {
        Timestamp now = Timestamp.from(asOf);
        List<Long> candidates = jdbc.queryForList("""
                SELECT id FROM outbox_message
                WHERE status = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
                ORDER BY id LIMIT :limit""",
                new MapSqlParameterSource("now", now).addValue("limit", properties.outbox().batchSize()), Long.class);
        if (candidates.isEmpty()) {
            return List.of();
        }
        String claim = UUID.randomUUID().toString();
        jdbc.update("""
                UPDATE outbox_message SET claim_token = :claim, claimed_until = :until
                WHERE id IN (:ids) AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)""",
                new MapSqlParameterSource("claim", claim)
                        .addValue("until", Timestamp.from(asOf.plus(claimLease)))
                        .addValue("ids", candidates)
                        .addValue("now", now));
        return jdbc.query("""
                SELECT id, recipient, recipient_subject_id, subject, html_body, text_body, attempts, consent_purpose, mail_headers
                FROM outbox_message WHERE claim_token = :claim ORDER BY id""",
                new MapSqlParameterSource("claim", claim),
                (rs, i) -> new Row(rs.getLong("id"), rs.getString("recipient"), rs.getObject("recipient_subject_id", Long.class),
                        rs.getString("subject"), rs.getString("html_body"), rs.getString("text_body"), rs.getInt("attempts"),
                        rs.getString("consent_purpose"), rs.getString("mail_headers")));
    }

    /**
     * CON-2: a mail queued for a consent purpose goes only if its recipient still consents now; the others
     * are cancelled (kept as a record, body dropped). Asked once per purpose per batch.
     */
    private List<Row> withoutWithdrawnConsent(List<Row> batch, Instant asOf) {
        Map<String, List<Row>> byPurpose = batch.stream().filter(row -> row.consentPurpose() != null)
                .collect(Collectors.groupingBy(Row::consentPurpose));
        if (byPurpose.isEmpty()) {
            return batch;
        }
        PurposeConsent check = consent.getIfAvailable();
        List<Long> cancelled = new ArrayList<>();
        byPurpose.forEach((purpose, rows) -> {
            Set<Long> allowed = check == null ? Set.of() : check.mayReceive(purpose,
                    rows.stream().map(Row::recipientSubjectId).filter(Objects::nonNull).distinct().toList());
            rows.stream().filter(row -> row.recipientSubjectId() == null || !allowed.contains(row.recipientSubjectId()))
                    .forEach(row -> cancelled.add(row.id()));
        });
        if (cancelled.isEmpty()) {
            return batch;
        }
        jdbc.update("""
                UPDATE outbox_message SET status = 'CANCELLED', claim_token = NULL, claimed_until = NULL,
                       last_error = 'Not sent: no current consent for its purpose when it was due', html_body = '', text_body = '',
                       mail_headers = NULL
                WHERE id IN (:ids)""",
                new MapSqlParameterSource("ids", cancelled));
        log.info("Outbox: {} mails not sent because their consent was withdrawn or has lapsed", cancelled.size());
        return batch.stream().filter(row -> !cancelled.contains(row.id())).toList();
    }

    private int send(List<Row> batch, Instant asOf) {
        Map<MimeMessage, Row> messages = new LinkedHashMap<>();
        Map<Row, String> failures = new HashMap<>();
        for (Row row : batch) {
            try {
                messages.put(toMimeMessage(row), row);
            } catch (MessagingException | RuntimeException e) {
                failures.put(row, "Could not build message: " + e.getMessage());
            }
        }
        try {
            mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((message, cause) -> {
                Row row = messages.get(message);
                if (row != null) {
                    failures.put(row, cause.getMessage());
                }
            });
            if (e.getFailedMessages().isEmpty()) {
                messages.values().forEach(row -> failures.put(row, e.getMessage()));
            }
        } catch (RuntimeException e) {
            messages.values().forEach(row -> failures.put(row, e.getMessage()));
        }
        List<Long> sent = new ArrayList<>();
        for (Row row : batch) {
            if (!failures.containsKey(row)) {
                sent.add(row.id());
            }
        }
        markSent(sent, asOf);
        failures.forEach((row, error) -> markFailedAttempt(row, error, asOf));
        if (!failures.isEmpty()) {
            log.warn("Outbox: {} of {} mails not delivered, will retry", failures.size(), batch.size());
        }
        return sent.size();
    }

    private MimeMessage toMimeMessage(Row row) throws MessagingException {
        MimeMessage message = new OutboxMimeMessage(mailSender.createMimeMessage(), row.id());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mail().from());
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.textBody(), row.htmlBody());
        for (Map.Entry<String, String> header : MailHeaders.read(row.headers()).entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        return message;
    }

    private void markSent(List<Long> ids, Instant asOf) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("""
                UPDATE outbox_message SET status = 'SENT', sent_at = :now, attempts = attempts + 1,
                       claim_token = NULL, claimed_until = NULL, last_error = NULL, html_body = '', text_body = '',
                       mail_headers = NULL
                WHERE id IN (:ids)""",
                new MapSqlParameterSource("now", Timestamp.from(asOf)).addValue("ids", ids));
    }

    private void markFailedAttempt(Row row, String error, Instant asOf) {
        int attempts = row.attempts() + 1;
        boolean exhausted = attempts >= properties.outbox().maxAttempts();
        jdbc.update("""
                UPDATE outbox_message SET attempts = :attempts, status = :status, next_attempt_at = :next,
                       claim_token = NULL, claimed_until = NULL, last_error = :error
                WHERE id = :id""",
                new MapSqlParameterSource("attempts", attempts)
                        .addValue("status", exhausted ? "FAILED" : "PENDING")
                        .addValue("next", Timestamp.from(asOf.plus(backoff(attempts))))
                        .addValue("error", truncate(error))
                        .addValue("id", row.id()));
        if (exhausted) {
            log.error("Outbox mail {} failed {} times and is given up; see outbox_message.last_error", row.id(), attempts);
        }
    }

    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private record Row(long id, String recipient, Long recipientSubjectId, String subject, String htmlBody, String textBody,
                       int attempts, String consentPurpose, String headers) {
    }

    /** A stable Message-ID per outbox row, so a receiver can recognise a resend after a crash. */
    private static final class OutboxMimeMessage extends MimeMessage {
        private final long outboxId;

        OutboxMimeMessage(MimeMessage template, long outboxId) {
            super((Session) template.getSession());
            this.outboxId = outboxId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<outbox-" + outboxId + "@steward>");
        }
    }
}
