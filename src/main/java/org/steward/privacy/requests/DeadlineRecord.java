package org.steward.privacy.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** DSR-3, AUD-4: whether each answered request met its deadline, in an append-only table of ours (privacy_request_deadline). */
@Component
class DeadlineRecord {

    private final NamedParameterJdbcTemplate jdbc;

    DeadlineRecord(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** DSR-3: the deadline met or missed, appended once per request (a repeated step adds nothing). */
    void append(long id, Instant due, Instant answered, String outcome) {
        Integer recorded = jdbc.queryForObject("SELECT COUNT(*) FROM privacy_request_deadline WHERE request_id = :id",
                new MapSqlParameterSource("id", id), Integer.class);
        if (recorded != null && recorded > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO privacy_request_deadline (request_id, due_at, answered_at, deadline_met, outcome)
                VALUES (:id, :due, :answered, :met, :outcome)""",
                new MapSqlParameterSource("id", id).addValue("due", Timestamp.from(due))
                        .addValue("answered", Timestamp.from(answered)).addValue("met", !answered.isAfter(due))
                        .addValue("outcome", outcome));
    }

    Optional<Boolean> met(long id) {
        return jdbc.queryForList("SELECT deadline_met FROM privacy_request_deadline WHERE request_id = :id",
                new MapSqlParameterSource("id", id), Boolean.class).stream().findFirst();
    }
}
