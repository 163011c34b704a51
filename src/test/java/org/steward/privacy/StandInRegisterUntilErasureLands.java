package org.steward.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * TEST STAND-IN, delete when the erasure branch (issue 9 points 1-3) is merged: its register places and
 * erasure service replace this. Until then the main code's RegisterAnonymiser walks the register, and the
 * register is empty on this branch, so this one test-only place does what the member-related places will:
 * it anonymises the subject (the row stays, named "former member", so what they sent stays attributed to
 * that), deletes their profile and links, and clears the outbox rows addressed to them. It declares no
 * columns, so the erasure branch's schema test cannot count it; it is picked up by component scanning in
 * every integration test context, which keeps one shared context.
 */
@Component
@Order(Integer.MAX_VALUE)
class StandInRegisterUntilErasureLands implements PersonalDataPlace {

    static final String FORMER_MEMBER = "former member";

    private final NamedParameterJdbcTemplate jdbc;

    StandInRegisterUntilErasureLands(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "Test stand-in for the member places of the register";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of();
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of();
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return List.of();
    }

    @Override
    public int erase(long subjectId) {
        MapSqlParameterSource subject = new MapSqlParameterSource("subject", subjectId);
        int rows = jdbc.update("""
                UPDATE outbox_message
                SET status = CASE WHEN status = 'PENDING' THEN 'CANCELLED' ELSE status END,
                    recipient = NULL, recipient_subject_id = NULL, html_body = '', text_body = ''
                WHERE recipient_subject_id = :subject
                   OR recipient = (SELECT email FROM data_subject WHERE id = :subject)""", subject);
        rows += jdbc.update("DELETE FROM member_link WHERE subject_id = :subject", subject);
        rows += jdbc.update("DELETE FROM member_profile WHERE subject_id = :subject", subject);
        rows += jdbc.update("UPDATE data_subject SET email = CONCAT('former-member-', id, '@anonymised.invalid'), "
                + "display_name = :former WHERE id = :subject", subject.addValue("former", FORMER_MEMBER));
        return rows;
    }
}
