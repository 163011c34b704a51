package org.steward.privacy.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.CaseDeadlines;
import org.steward.audit.RequestCompliance;

/**
 * The requests' 30-day deadlines for the auditors (DSR-3, AUD-2, AUD-4): the timeline of a {@code request-<id>}
 * case and the request deadline compliance report, read from privacy_request and its append-only
 * privacy_request_deadline record. Type, times, outcome and the deciding officer's user id; never the address.
 */
@Component
class RequestCaseDeadlines implements CaseDeadlines, RequestCompliance {

    static final String KIND = "ANSWER";
    private static final String PREFIX = DataSubjectRequestProcess.CASE + "-";
    private static final String SELECT = """
            SELECT r.id, r.request_type, r.status, r.received_at, r.due_at, r.extended_to, r.outcome, r.decided_by, r.closed_at,
                   d.due_at AS recorded_due, d.answered_at, d.deadline_met, d.outcome AS answer
            FROM privacy_request r LEFT JOIN privacy_request_deadline d ON d.request_id = r.id""";

    /** {@code dueAt} the original 30-day date, {@code extendedTo} the extended one (DSR-3), {@code recordedDue} what the answer was held to. */
    private record Row(long id, String type, RequestStatus status, Instant receivedAt, Instant dueAt, Instant extendedTo,
                       Instant recordedDue, Instant answeredAt, Boolean met, String result, String decidedBy) {

        /** The date the request is held to: the recorded one once answered, else the extended one if extended. */
        Instant effectiveDue() {
            return recordedDue != null ? recordedDue : extendedTo != null ? extendedTo : dueAt;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    RequestCaseDeadlines(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String caseType() {
        return DataSubjectRequestProcess.CASE;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Deadline> of(String businessKey) {
        Optional<Long> id = requestId(businessKey);
        if (id.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return jdbc.query(SELECT + " WHERE r.id = :id", new MapSqlParameterSource("id", id.get()), RequestCaseDeadlines::row).stream()
                .filter(r -> r.effectiveDue() != null)
                .map(r -> new Deadline(KIND, 0, r.effectiveDue(), r.answeredAt(), outcome(r, now), r.answeredAt() == null ? null : r.decidedBy(), null))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> casesWithMissedDeadline(Instant now) {
        Set<String> keys = new HashSet<>();
        jdbc.query("""
                SELECT r.id FROM privacy_request r LEFT JOIN privacy_request_deadline d ON d.request_id = r.id
                WHERE d.deadline_met = FALSE OR (d.id IS NULL AND r.status = 'IN_REVIEW' AND COALESCE(r.extended_to, r.due_at) < :now)""",
                new MapSqlParameterSource("now", Timestamp.from(now)),
                rs -> {
                    keys.add(DataSubjectRequestProcess.businessKey(rs.getLong(1)));
                });
        return keys;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachCaseOpenedBetween(Instant from, Instant to, Instant now, Consumer<Case> each) {
        forEachReceivedBetween(from, to, now, request -> each.accept(new Case(request.businessKey(), request.receivedAt(),
                of(request.businessKey()))));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachReceivedBetween(Instant from, Instant to, Instant now, Consumer<Request> each) {
        // Streamed row by row (one row per request: the deadline record is unique per request).
        jdbc.query(SELECT + " WHERE r.received_at >= :from AND r.received_at < :to ORDER BY r.received_at, r.id",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), rs -> {
                    Row r = row(rs, 0);
                    each.accept(new Request(DataSubjectRequestProcess.businessKey(r.id()), r.type(), r.receivedAt(), r.dueAt(),
                            r.extendedTo(), r.answeredAt(), outcome(r, now), r.result() != null ? r.result() : r.status().name()));
                });
    }

    private static Outcome outcome(Row r, Instant now) {
        if (r.met() != null) {
            return r.met() ? Outcome.MET : Outcome.MISSED;
        }
        if (r.effectiveDue() == null) {
            // Never verified: no clock ran (DSR-2); an expired verification ends the request without one.
            return r.status() == RequestStatus.EXPIRED ? Outcome.WITHDRAWN : Outcome.OPEN;
        }
        return r.effectiveDue().isBefore(now) ? Outcome.OVERDUE : Outcome.OPEN;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Object met = rs.getObject("deadline_met");
        return new Row(rs.getLong("id"), rs.getString("request_type"), RequestStatus.valueOf(rs.getString("status")),
                RequestRecords.instant(rs, "received_at"), RequestRecords.instant(rs, "due_at"),
                RequestRecords.instant(rs, "extended_to"), RequestRecords.instant(rs, "recorded_due"), RequestRecords.instant(rs, "answered_at"), met == null ? null : rs.getBoolean("deadline_met"),
                rs.getString("answer") != null ? rs.getString("answer") : rs.getString("outcome"), rs.getString("decided_by"));
    }

    private static Optional<Long> requestId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(businessKey.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
