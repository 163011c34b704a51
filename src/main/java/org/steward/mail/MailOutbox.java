package org.steward.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.system.ProcessStep;
import org.steward.system.StewardProperties;

/**
 * The only way the service sends email: the mail is rendered and stored in the caller's
 * transaction, so it exists exactly when the business step that wants it commits.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final MailRenderer renderer;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxSignal signal;
    private final ObjectProvider<OutgoingMailPolicy> policies;
    private final String messageIdDomain;

    MailOutbox(MailRenderer renderer, NamedParameterJdbcTemplate jdbc, Clock clock, ObjectProvider<OutgoingMailPolicy> policies,
               StewardProperties properties, OutboxSignal signal) {
        this.signal = signal;
        this.renderer = renderer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.policies = policies;
        this.messageIdDomain = MessageIds.domainOf(properties.mail().from());
    }

    /** Where a queued mail stands: waiting or retrying, delivered, given up, or cancelled because its recipient was erased. */
    public enum Delivery { PENDING, SENT, FAILED, CANCELLED }

    /** What an auditor sees of one mail (AUD-2): its template, when it was queued and sent, how it stands; never the address. */
    public record MailRecord(String template, java.time.Instant createdAt, java.time.Instant sentAt, Delivery status,
                             RecipientRole recipientRole) {
    }

    /**
     * Every mail about a case (AUD-2), oldest first: those whose subject reference is {@code subjectRef}
     * (e.g. "incident:7") or whose business-event key starts with {@code keyPrefix} (e.g. "incident-7-").
     */
    @Transactional(readOnly = true)
    public List<MailRecord> mailsAbout(String subjectRef, String keyPrefix) {
        return jdbc.query("SELECT template, created_at, sent_at, status, recipient_role FROM outbox_message"
                        + " WHERE subject_ref = :ref OR idempotency_key LIKE :prefix ORDER BY created_at, id",
                new MapSqlParameterSource("ref", subjectRef).addValue("prefix", keyPrefix.replace("%", "") + "%"),
                (rs, n) -> new MailRecord(rs.getString("template"), utc(rs, "created_at"), utc(rs, "sent_at"),
                        Delivery.valueOf(rs.getString("status")), role(rs.getString("recipient_role"))));
    }

    private static RecipientRole role(String name) {
        try {
            return name == null ? RecipientRole.UNKNOWN : RecipientRole.valueOf(name);
        } catch (IllegalArgumentException e) {
            return RecipientRole.UNKNOWN; // a role a newer build wrote
        }
    }

    private static java.time.Instant utc(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.LocalDateTime value = rs.getObject(column, java.time.LocalDateTime.class);
        return value == null ? null : value.toInstant(java.time.ZoneOffset.UTC);
    }

    /** The delivery state of the mail queued for this business event, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Delivery> delivery(String idempotencyKey) {
        return jdbc.queryForList("SELECT status FROM outbox_message WHERE idempotency_key = :key",
                new MapSqlParameterSource("key", idempotencyKey), String.class).stream().findFirst().map(Delivery::valueOf);
    }

    /**
     * Erasure of a record (DSR-7): every mail about it ({@code subjectRef}, e.g. "reference:7") loses its
     * recipient and bodies, whoever it went to; template, subject line, reference and times stay.
     *
     * @return the number of mails cleared
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forgetMailsAbout(String subjectRef) {
        return jdbc.update(OutboxPersonalData.CLEAR + "subject_ref = :ref", new MapSqlParameterSource("ref", subjectRef));
    }

    /** @return false when a mail for this business event is already queued or sent */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Mail mail) {
        return enqueueAll(List.of(mail)) == 1;
    }

    /**
     * The bulk path for thousands of mails (a breach notice to every affected member): renders each
     * mail and writes them with one batched INSERT in the caller's transaction. Mails whose business
     * event is already in the outbox are skipped, so a retried chunk never sends twice. Callers keep
     * each call to a chunk (about a thousand mails) so that no transaction grows large.
     *
     * @return how many mails were queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueAll(List<Mail> mails) {
        if (mails.isEmpty()) {
            return 0;
        }
        Set<String> present = new HashSet<>(jdbc.queryForList(
                "SELECT idempotency_key FROM outbox_message WHERE idempotency_key IN (:keys)",
                new MapSqlParameterSource("keys", mails.stream().map(Mail::idempotencyKey).toList()), String.class));
        Timestamp now = Timestamp.from(clock.instant());
        List<Mail> fresh = mails.stream().filter(mail -> present.add(mail.idempotencyKey())).toList();
        for (OutgoingMailPolicy policy : policies.orderedStream().toList()) {
            fresh = policy.apply(fresh);
        }
        List<MapSqlParameterSource> rows = new ArrayList<>(fresh.size());
        // The step queuing the mail (if a process step does) owns it: it hears of a mail that can never be delivered.
        ProcessStep owner = ProcessStep.current().orElse(new ProcessStep(null, null, null));
        for (Mail mail : fresh) {
            RenderedMail rendered = renderer.render(mail);
            rows.add(new MapSqlParameterSource("key", mail.idempotencyKey())
                    .addValue("subjectRef", mail.subjectRef())
                    .addValue("template", mail.template())
                    .addValue("recipient", mail.recipient())
                    .addValue("recipientSubjectId", mail.recipientSubjectId())
                    .addValue("subject", rendered.subject())
                    .addValue("html", rendered.html())
                    .addValue("text", rendered.text())
                    .addValue("purpose", mail.consentPurpose())
                    .addValue("headers", MailHeaders.write(mail.headers()))
                    .addValue("messageId", MessageIds.generate(messageIdDomain))
                    .addValue("ownerProcess", owner.processInstanceId())
                    .addValue("ownerActivity", owner.activityId())
                    .addValue("ownerCase", owner.businessKey())
                    .addValue("role", mail.role().name())
                    .addValue("now", now));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO outbox_message (idempotency_key, subject_ref, template, recipient, recipient_subject_id,
                                                subject, html_body, text_body, consent_purpose, mail_headers,
                                                message_id, owner_process_instance_id, owner_activity_id, owner_case_key,
                                                recipient_role, status, attempts, next_attempt_at, created_at)
                    VALUES (:key, :subjectRef, :template, :recipient, :recipientSubjectId, :subject, :html, :text,
                            :purpose, :headers, :messageId, :ownerProcess, :ownerActivity, :ownerCase, :role, 'PENDING', 0, :now, :now)""",
                    rows.toArray(MapSqlParameterSource[]::new));
            signal.mailQueued();
        }
        if (!rows.isEmpty() && log.isDebugEnabled()) {
            // Templates and counts only; the case and step ids come with the engine's logging context (MDC).
            log.debug("Outbox: queued {} mail(s): {}", rows.size(), fresh.stream().map(Mail::template).distinct().toList());
        }
        if (rows.size() < mails.size()) {
            log.info("Outbox: {} of {} mails already queued or not to be sent; not queued", mails.size() - rows.size(), mails.size());
        }
        return rows.size();
    }
}
