package org.steward.mail;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.system.StewardProperties;

/**
 * Sends what the outbox holds. A batch is first claimed (so two instances never send the same mail),
 * then sent {@link #SEND_CHUNK} mails at a time, each chunk over one SMTP connection, its claim renewed just
 * before (a chunk whose lease ran out and which another instance has claimed meanwhile is left to it), and
 * marked sent just after (keeping who, what template, subject and
 * when, but not the body, which held the raw link tokens). A failure that may pass (no connection, a 4xx
 * reply) is retried with exponential backoff until {@code steward.outbox.max-attempts}; a 5xx reply, or a
 * message that cannot be built, is not retried. A mail given up is FAILED and its owner is told through
 * {@link MailUndeliverable}. One mail's failure never holds up the others of its batch.
 *
 * <p>A crash after the server accepted a chunk and before the chunk is marked sent leaves it claimed; when the
 * claim lease has run out it is sent again, with the same Message-IDs (README, Operations: the resend window).
 * Chunks keep that window to one chunk's SMTP time, and the renewal keeps a batch that takes longer than the
 * lease (a slow server, a busy machine) from being sent by a second instance while the first is still at it.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    /** Mails sent over one connection and marked sent together: the most a crash can cause to be sent again. */
    static final int SEND_CHUNK = 20;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final String FAILED_DESCRIPTION = "Failed attempts to send a mail; retrying: it is tried again later, "
            + "given_up: it is FAILED and its owner is told";

    private final NamedParameterJdbcTemplate jdbc;
    private final JavaMailSender mailSender;
    private final StewardProperties properties;
    private final Clock clock;
    private final ObjectProvider<PurposeConsent> consent;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Counter sentCounter;
    private final Counter retryingCounter;
    private final Counter givenUpCounter;

    OutboxDispatcher(NamedParameterJdbcTemplate jdbc, JavaMailSender mailSender, StewardProperties properties, Clock clock,
                     ObjectProvider<PurposeConsent> consent, ApplicationEventPublisher events,
                     PlatformTransactionManager transactionManager, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.consent = consent;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.sentCounter = Counter.builder("steward.outbox.sent").description("Mails the SMTP server accepted").register(meters);
        this.retryingCounter = Counter.builder("steward.outbox.failed").tag("outcome", "retrying")
                .description(FAILED_DESCRIPTION).register(meters);
        this.givenUpCounter = Counter.builder("steward.outbox.failed").tag("outcome", "given_up")
                .description(FAILED_DESCRIPTION).register(meters);
    }

    /** Sends every mail due now; returns how many were delivered. */
    public int dispatchDue() {
        return dispatchDue(clock.instant());
    }

    /** Sends every mail due at {@code asOf}, batch after batch, until none is left; then reports mails given up. */
    public int dispatchDue(Instant asOf) {
        int delivered = 0;
        while (true) {
            Claimed claimed = claimBatch(asOf);
            List<Row> batch = claimed.rows();
            if (batch.isEmpty()) {
                break;
            }
            List<Row> due = withoutWithdrawnConsent(batch, asOf);
            for (int from = 0; from < due.size(); from += SEND_CHUNK) {
                List<Row> chunk = stillClaimed(claimed.token(), due.subList(from, Math.min(due.size(), from + SEND_CHUNK)), asOf);
                delivered += send(chunk, asOf);
            }
            if (batch.size() < properties.outbox().batchSize()) {
                break;
            }
        }
        reportGivenUp(asOf);
        return delivered;
    }

    /**
     * Tells the owners of mails given up ({@link MailUndeliverable}), each in a transaction that also marks the
     * mail as told: the conditional UPDATE lets only one instance report a mail, and a listener that fails rolls
     * the mark back, so the next poll tries again.
     */
    private void reportGivenUp(Instant asOf) {
        List<MailUndeliverable> unreported = jdbc.query("""
                SELECT id, template, subject_ref, owner_case_key, owner_process_instance_id, owner_activity_id, last_smtp_code, failure_kind
                FROM outbox_message WHERE status = 'FAILED' AND owner_notified_at IS NULL ORDER BY id LIMIT 100""",
                new MapSqlParameterSource(),
                (rs, n) -> new MailUndeliverable(rs.getLong("id"), rs.getString("template"),
                        rs.getString("owner_case_key") != null ? rs.getString("owner_case_key") : rs.getString("subject_ref"),
                        rs.getString("owner_process_instance_id"), rs.getString("owner_activity_id"), rs.getInt("last_smtp_code"),
                        reason(rs.getString("failure_kind"))));
        for (MailUndeliverable mail : unreported) {
            try {
                transaction.executeWithoutResult(status -> {
                    int claimed = jdbc.update("UPDATE outbox_message SET owner_notified_at = :now WHERE id = :id AND owner_notified_at IS NULL",
                            new MapSqlParameterSource("now", Timestamp.from(asOf)).addValue("id", mail.outboxId()));
                    if (claimed == 1) {
                        events.publishEvent(mail);
                    }
                });
            } catch (RuntimeException e) {
                log.error("Outbox: could not report undeliverable mail {}; will try again on the next poll", mail.outboxId(), e);
            }
        }
    }

    private static MailUndeliverable.Reason reason(String failureKind) {
        for (MailUndeliverable.Reason reason : MailUndeliverable.Reason.values()) {
            if (reason.name().equals(failureKind)) {
                return reason;
            }
        }
        return MailUndeliverable.Reason.ATTEMPTS_EXHAUSTED;
    }

    /** The mails of a claimed batch and the claim's token. */
    private record Claimed(String token, List<Row> rows) {
    }

    /**
     * Renews the claim on a chunk before it is sent and returns the mails still held under it: a mail whose lease
     * ran out while earlier chunks were sent, and which another instance claimed meanwhile, is that instance's now.
     */
    private List<Row> stillClaimed(String token, List<Row> chunk, Instant asOf) {
        if (chunk.isEmpty()) {
            return chunk;
        }
        Instant now = clock.instant().isAfter(asOf) ? clock.instant() : asOf;
        MapSqlParameterSource params = new MapSqlParameterSource("claim", token)
                .addValue("ids", chunk.stream().map(Row::id).toList())
                .addValue("until", Timestamp.from(now.plus(claimLease())));
        int renewed = jdbc.update("""
                UPDATE outbox_message SET claimed_until = :until
                WHERE id IN (:ids) AND claim_token = :claim AND status = 'PENDING'""", params);
        if (renewed == chunk.size()) {
            return chunk;
        }
        Set<Long> ours = new HashSet<>(jdbc.queryForList(
                "SELECT id FROM outbox_message WHERE id IN (:ids) AND claim_token = :claim AND status = 'PENDING'", params, Long.class));
        log.info("Outbox: {} of {} mails of a chunk were claimed by another instance after their lease ran out; left to it",
                chunk.size() - ours.size(), chunk.size());
        return chunk.stream().filter(row -> ours.contains(row.id())).toList();
    }

    private Claimed claimBatch(Instant asOf) {
        Timestamp now = Timestamp.from(asOf);
        List<Long> candidates = jdbc.queryForList("""
                SELECT id FROM outbox_message
                WHERE status = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
                ORDER BY id LIMIT :limit""",
                new MapSqlParameterSource("now", now).addValue("limit", properties.outbox().batchSize()), Long.class);
        if (candidates.isEmpty()) {
            return new Claimed(null, List.of());
        }
        String claim = UUID.randomUUID().toString();
        jdbc.update("""
                UPDATE outbox_message SET claim_token = :claim, claimed_until = :until
                WHERE id IN (:ids) AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)""",
                new MapSqlParameterSource("claim", claim)
                        .addValue("until", Timestamp.from(asOf.plus(claimLease())))
                        .addValue("ids", candidates)
                        .addValue("now", now));
        return new Claimed(claim, jdbc.query("""
                SELECT id, recipient, recipient_subject_id, subject, html_body, text_body, attempts, consent_purpose, mail_headers,
                       message_id
                FROM outbox_message WHERE claim_token = :claim ORDER BY id""",
                new MapSqlParameterSource("claim", claim),
                (rs, i) -> new Row(rs.getLong("id"), rs.getString("recipient"), rs.getObject("recipient_subject_id", Long.class),
                        rs.getString("subject"), rs.getString("html_body"), rs.getString("text_body"), rs.getInt("attempts"),
                        rs.getString("consent_purpose"), rs.getString("mail_headers"), rs.getString("message_id"))));
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
        Map<Row, Failure> failures = new HashMap<>();
        for (Row row : batch) {
            try {
                messages.put(toMimeMessage(row), row);
            } catch (MessagingException | RuntimeException e) {
                failures.put(row, new Failure("Could not build message: " + e.getMessage(), 0, MailUndeliverable.Reason.UNBUILDABLE));
            }
        }
        try {
            if (!messages.isEmpty()) {
                mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
            }
        } catch (MailSendException e) {
            // Spring sends every message of the batch and names each one that failed, with its own cause.
            e.getFailedMessages().forEach((message, cause) -> {
                Row row = messages.get(message);
                if (row != null) {
                    failures.put(row, Failure.of(cause));
                }
            });
            if (e.getFailedMessages().isEmpty()) {
                messages.values().forEach(row -> failures.put(row, Failure.transientOf(e.getMessage())));
            }
        } catch (RuntimeException e) {
            messages.values().forEach(row -> failures.put(row, Failure.transientOf(e.getMessage())));
        }
        List<Long> sent = new ArrayList<>();
        for (Row row : batch) {
            if (!failures.containsKey(row)) {
                sent.add(row.id());
            }
        }
        markSentDespiteOutage(sent, asOf);
        sentCounter.increment(sent.size());
        // One transaction for the batch's failures: during an outage that is one commit instead of one per mail
        // (500 failing mails took about 10 s a poll on MariaDB, one commit each). Should it fail, the mails stay
        // claimed until the lease runs out and are tried again then: none was sent.
        if (!failures.isEmpty()) {
            transaction.executeWithoutResult(status -> failures.forEach((row, failure) -> markFailedAttempt(row, failure, asOf)));
        }
        if (!failures.isEmpty()) {
            log.warn("Outbox: {} of {} mails not delivered", failures.size(), batch.size());
        }
        return sent.size();
    }

    /**
     * The one map of file types every message shares. MimeMessageHelper builds a new one for any message that is not
     * JavaMailSenderImpl's own (ours wraps it to keep its Message-ID), reading mime.types from a jar each time: 5 %
     * of the service's CPU under ApplicationFlowBenchmark.
     */
    private static final String ANGUS_STREAMS = "org.eclipse.angus.mail.util.MailStreamProvider";
    private static final FileTypeMap FILE_TYPES = fileTypes();

    static {
        // jakarta.mail finds its StreamProvider with a ServiceLoader scan of every jar for each body part it builds
        // (another 5 % of the CPU above); named here, it is one class lookup.
        if (ClassUtils.isPresent(ANGUS_STREAMS, OutboxDispatcher.class.getClassLoader())) {
            System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", ANGUS_STREAMS);
        }
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
        map.afterPropertiesSet();
        return map;
    }

    private MimeMessage toMimeMessage(Row row) throws MessagingException {
        MimeMessage message = new OutboxMimeMessage(mailSender.createMimeMessage(),
                row.messageId() != null ? row.messageId() : "<outbox-" + row.id() + "@steward>");
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name()) {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                return FILE_TYPES;
            }
        };
        helper.setFrom(properties.mail().from());
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.textBody(), row.htmlBody());
        for (Map.Entry<String, String> header : MailHeaders.read(row.headers()).entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        return message;
    }

    /**
     * The server has accepted these mails: marking them sent must not be lost to a database that went away meanwhile
     * (a restart, a failover), or the batch would go out again once its claim lease ran out. So the mark is tried
     * again every second while the database is unreachable, for at most the claim lease (at least a minute); the
     * dispatcher has nothing else to do without its database. Only a crash of this JVM in the window between the
     * server's acceptance and this UPDATE (README, Operations: the resend window) still causes a resend.
     */
    private void markSentDespiteOutage(List<Long> ids, Instant asOf) {
        long giveUpAt = System.nanoTime() + Math.max(claimLease().toNanos(), Duration.ofMinutes(1).toNanos());
        int tries = 0;
        while (true) {
            try {
                markSent(ids, asOf);
                if (tries > 0) {
                    log.info("Outbox: {} sent mails marked after the database came back ({} tries)", ids.size(), tries + 1);
                }
                return;
            } catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException unreachable) {
                tries++;
                if (tries == 1) {
                    log.warn("Outbox: {} mails were accepted by the SMTP server but the database is unreachable; "
                            + "marking them sent again every second", ids.size());
                }
                if (System.nanoTime() > giveUpAt) {
                    log.error("Outbox: could not mark {} accepted mails sent; they go out again (same Message-IDs) after "
                            + "their claim lease", ids.size());
                    throw unreachable;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw unreachable;
                }
            }
        }
    }

    private void markSent(List<Long> ids, Instant asOf) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("""
                UPDATE outbox_message SET status = 'SENT', sent_at = :now, attempts = attempts + 1,
                       claim_token = NULL, claimed_until = NULL, last_error = NULL, html_body = '', text_body = '',
                       mail_headers = NULL, failure_kind = NULL, last_smtp_code = NULL
                WHERE id IN (:ids)""",
                new MapSqlParameterSource("now", Timestamp.from(asOf)).addValue("ids", ids));
    }

    private void markFailedAttempt(Row row, Failure failure, Instant asOf) {
        int attempts = row.attempts() + 1;
        MailUndeliverable.Reason givenUp = failure.permanent() != null ? failure.permanent()
                : attempts >= properties.outbox().maxAttempts() ? MailUndeliverable.Reason.ATTEMPTS_EXHAUSTED : null;
        jdbc.update("""
                UPDATE outbox_message SET attempts = :attempts, status = :status, next_attempt_at = :next,
                       claim_token = NULL, claimed_until = NULL, last_error = :error, last_smtp_code = :code, failure_kind = :kind
                WHERE id = :id""",
                new MapSqlParameterSource("attempts", attempts)
                        .addValue("status", givenUp != null ? "FAILED" : "PENDING")
                        .addValue("next", Timestamp.from(asOf.plus(backoff(attempts))))
                        .addValue("error", truncate(failure.error()))
                        .addValue("code", failure.smtpCode())
                        .addValue("kind", givenUp != null ? givenUp.name() : "TRANSIENT")
                        .addValue("id", row.id()));
        if (givenUp != null) {
            givenUpCounter.increment();
            log.error("Outbox mail {} is given up after {} attempts ({}, SMTP reply {}); see outbox_message.last_error",
                    row.id(), attempts, givenUp, failure.smtpCode());
        } else {
            retryingCounter.increment();
        }
    }

    /** How long a claimed batch is this instance's: {@code steward.outbox.claim-lease} (5 min). */
    Duration claimLease() {
        return properties.outbox().claimLease() != null ? properties.outbox().claimLease() : CLAIM_LEASE;
    }

    /** This instance's backoff: {@code steward.outbox.first-retry} (30 s) after the first failure, doubling up to {@code longest-retry} (1 h). */
    Duration backoff(int attempts) {
        Duration first = properties.outbox().firstRetry() != null ? properties.outbox().firstRetry() : FIRST_RETRY;
        Duration longest = properties.outbox().longestRetry() != null ? properties.outbox().longestRetry() : LONGEST_RETRY;
        return backoff(attempts, first, longest);
    }

    static Duration backoff(int attempts, Duration first, Duration longest) {
        Duration delay = first.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private record Row(long id, String recipient, Long recipientSubjectId, String subject, String htmlBody, String textBody,
                       int attempts, String consentPurpose, String headers, String messageId) {
    }

    /**
     * Why an attempt failed. {@code permanent} is set when retrying cannot help: the server answered the sender, a
     * recipient or the message with 5xx (RFC 5321 4.2.1), or the message could not be built. A 4xx reply, a lost
     * connection or a refused sign-in to the server (fix it and mail goes on) are retried.
     */
    record Failure(String error, int smtpCode, MailUndeliverable.Reason permanent) {

        static Failure transientOf(String error) {
            return new Failure(error, 0, null);
        }

        static Failure of(Exception cause) {
            int code = replyCode(cause);
            return new Failure(cause.getMessage(), code, code >= 500 && code <= 599 ? MailUndeliverable.Reason.REFUSED : null);
        }

        /** The SMTP reply code in the exception chain (JavaMail nests each recipient's refusal), 0 if there is none. */
        static int replyCode(Throwable failure) {
            Throwable t = failure;
            for (int depth = 0; t != null && depth < 10; depth++) {
                if (t instanceof SMTPAddressFailedException refused) {
                    return refused.getReturnCode();
                }
                if (t instanceof SMTPSendFailedException refused) {
                    return refused.getReturnCode();
                }
                if (t instanceof SMTPSenderFailedException refused) {
                    return refused.getReturnCode();
                }
                t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
            }
            return 0;
        }
    }

    /** The Message-ID stored with the outbox row (generated when it was queued), so a resend after a crash carries it too. */
    private static final class OutboxMimeMessage extends MimeMessage {
        private final String messageId;

        OutboxMimeMessage(MimeMessage template, String messageId) {
            super((Session) template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
