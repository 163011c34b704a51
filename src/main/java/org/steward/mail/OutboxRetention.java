package org.steward.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long the outbox remembers whom it wrote to (RET-1). A mail keeps its template, subject line, subject
 * reference and times, so what was sent stays provable; the address and the rendered body go.
 */
@Service
public class OutboxRetention {

    /** Rows that still name whom they went to: clearing them again would count them twice. */
    private static final String STILL_ADDRESSED = "(recipient IS NOT NULL OR recipient_subject_id IS NOT NULL)";

    private final NamedParameterJdbcTemplate jdbc;

    OutboxRetention(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * DSR-6: mail still waiting for this person is not sent (CANCELLED, body dropped), except the mail of
     * the business event {@code keepIdempotencyKey} (the confirmation of the very request), if given.
     *
     * @return how many mails were cancelled
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelPendingTo(long recipientSubjectId, String keepIdempotencyKey) {
        return jdbc.update("""
                UPDATE outbox_message SET status = 'CANCELLED', html_body = '', text_body = '', claim_token = NULL, claimed_until = NULL
                WHERE recipient_subject_id = :subject AND status = 'PENDING' AND idempotency_key <> :keep""",
                new MapSqlParameterSource("subject", recipientSubjectId)
                        .addValue("keep", keepIdempotencyKey == null ? "" : keepIdempotencyKey));
    }

    /** The subject references starting with {@code prefix} (e.g. {@code reference:}) of mails that still name their recipient. */
    @Transactional(readOnly = true)
    public List<String> subjectRefsStillAddressed(String prefix) {
        return jdbc.queryForList("""
                SELECT DISTINCT subject_ref FROM outbox_message
                WHERE subject_ref LIKE :prefix AND (recipient IS NOT NULL OR recipient_subject_id IS NOT NULL)""",
                new MapSqlParameterSource("prefix", prefix.replace("%", "").replace("_", "\\_") + "%"), String.class);
    }

    /**
     * APP-4: the mails about these records (subject references such as {@code reference:7}) lose their
     * recipient and body; any still waiting is cancelled.
     *
     * @return how many mails were cleared
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forgetRecipientsAbout(Collection<String> subjectRefs) {
        if (subjectRefs.isEmpty()) {
            return 0;
        }
        return jdbc.update(OutboxPersonalData.CLEAR + STILL_ADDRESSED + " AND subject_ref IN (:refs)",
                new MapSqlParameterSource("refs", subjectRefs));
    }

    /**
     * RET-1: mail delivered before {@code cutoff}, and mail given up or cancelled before it, loses its
     * recipient and body. Mail still being retried is left alone.
     *
     * @return how many mails were cleared
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forgetRecipientsOfMailDoneBefore(Instant cutoff) {
        return jdbc.update(OutboxPersonalData.CLEAR + STILL_ADDRESSED
                + " AND ((status = 'SENT' AND sent_at < :cutoff) OR (status IN ('FAILED', 'CANCELLED') AND created_at < :cutoff))",
                new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)));
    }
}
