package org.steward.mail;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for the outbox. Erasure clears who a mail went to and what it said (recipient,
 * bodies, the SMTP error that may quote the address) and keeps template, subject line, subject
 * reference and times, so that what was sent, when and about which case stays provable. A mail
 * still waiting is cancelled.
 */
@Component
class OutboxPersonalData implements PersonalDataPlace {

    static final String CLEAR = """
            UPDATE outbox_message SET recipient = NULL, html_body = '', text_body = '', last_error = NULL,
                   mail_headers = NULL, recipient_subject_id = NULL, claim_token = NULL, claimed_until = NULL,
                   status = CASE WHEN status = 'PENDING' THEN 'CANCELLED' ELSE status END
            WHERE\s""";

    private final NamedParameterJdbcTemplate jdbc;

    OutboxPersonalData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "Mail outbox";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("outbox_message", Set.of("recipient", "html_body", "text_body", "last_error", "mail_headers"));
    }

    /**
     * Subject lines come from messages.properties and carry no parameters; keys and references carry ids; the
     * Message-ID is random, the owner columns are engine ids, the activity id and the case's business key.
     */
    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("outbox_message", Set.of("idempotency_key", "subject_ref", "template", "subject", "status", "claim_token",
                "consent_purpose", "message_id", "owner_process_instance_id", "owner_activity_id", "owner_case_key", "failure_kind",
                "recipient_role"));
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return jdbc.queryForList("""
                SELECT template, subject, recipient, status, created_at, sent_at FROM outbox_message
                WHERE recipient_subject_id = :subject ORDER BY id""", new MapSqlParameterSource("subject", subjectId));
    }

    @Override
    public int erase(long subjectId) {
        return jdbc.update(CLEAR + "recipient_subject_id = :subject", new MapSqlParameterSource("subject", subjectId));
    }

    /** Mail to an address whose subject is gone (a referee after APP-4) or was never one. */
    @Override
    public int eraseAddress(String email) {
        return jdbc.update(CLEAR + "recipient = :email", new MapSqlParameterSource("email", email));
    }
}
