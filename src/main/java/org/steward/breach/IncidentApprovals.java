package org.steward.breach;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who released which step of an incident, when (BRE-6, issue 7 finding 2): the ISO notice, each
 * written and status report revision, the member notice and the supervisory authority decision.
 * Append-only ({@code incident_approval}); the send steps take the report to send from here, never
 * from a process variable.
 */
@Service
public class IncidentApprovals {

    public enum Kind { ISO_NOTICE, WRITTEN_REPORT, STATUS_REPORT, MEMBER_NOTICE, SUPERVISORY_AUTHORITY }

    public record Approval(long id, Kind kind, int cycle, Long reportId, String approvedBy, Instant approvedAt) {
    }

    private static final RowMapper<Approval> ROW = (rs, i) -> new Approval(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
            rs.getInt("cycle"), rs.getObject("report_id") == null ? null : rs.getLong("report_id"), rs.getString("approved_by"),
            IncidentDeadlineLog.instant(rs, "approved_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public IncidentApprovals(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code staffUser} released this step (with the report revision it sends, if any). */
    @Transactional
    public void approve(long incidentId, Kind kind, int cycle, Long reportId, String staffUser) {
        if (staffUser == null || staffUser.isBlank()) {
            throw new IllegalStateException("An approval needs the signed-in staff member who gives it");
        }
        jdbc.update("""
                INSERT INTO incident_approval (incident_id, kind, cycle, report_id, approved_by, approved_at)
                VALUES (:incident, :kind, :cycle, :report, :by, :now)""",
                new MapSqlParameterSource("incident", incidentId).addValue("kind", kind.name()).addValue("cycle", cycle)
                        .addValue("report", reportId).addValue("by", staffUser)
                        .addValue("now", IncidentDeadlineLog.utc(clock.instant())));
    }

    /** The latest approval of this step: a report revised and approved again replaces the earlier one. */
    @Transactional(readOnly = true)
    public Optional<Approval> latest(long incidentId, Kind kind, int cycle) {
        List<Approval> found = jdbc.query("""
                SELECT id, kind, cycle, report_id, approved_by, approved_at FROM incident_approval
                WHERE incident_id = :incident AND kind = :kind AND cycle = :cycle ORDER BY id DESC""",
                new MapSqlParameterSource("incident", incidentId).addValue("kind", kind.name()).addValue("cycle", cycle), ROW);
        return found.stream().findFirst();
    }

    /** The report revision a send step sends: the one approved last. */
    @Transactional(readOnly = true)
    public long approvedReport(long incidentId, Kind kind, int cycle) {
        return latest(incidentId, kind, cycle).map(Approval::reportId)
                .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + ": no approved " + kind + " " + cycle));
    }

    /** Every approval of the incident, oldest first (BRE-6). */
    @Transactional(readOnly = true)
    public List<Approval> of(long incidentId) {
        return jdbc.query("""
                SELECT id, kind, cycle, report_id, approved_by, approved_at FROM incident_approval
                WHERE incident_id = :incident ORDER BY id""", new MapSqlParameterSource("incident", incidentId), ROW);
    }
}
