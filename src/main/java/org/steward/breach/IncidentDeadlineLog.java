package org.steward.breach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.steward.breach.IncidentDeadlines.Deadline;
import org.steward.breach.IncidentDeadlines.Kind;
import org.steward.breach.IncidentDeadlines.State;

/**
 * The rows of {@code incident_deadline} (V13): appended, never updated, and folded into each deadline's
 * current state on reading. {@link IncidentDeadlines} decides what to append; this class only writes
 * and reads, with plain JDBC, so the process tests use it on their own database.
 */
final class IncidentDeadlineLog {

    enum Entry { OPENED, DONE, WITHDRAWN }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    IncidentDeadlineLog(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every deadline of the incident as it stands, in the order they were opened (BRE-6). */
    List<Deadline> of(long incidentId) {
        Map<String, Deadline> deadlines = new LinkedHashMap<>();
        jdbc.query("""
                SELECT kind, cycle, entry, due_at, done_at, met, recorded_by FROM incident_deadline
                WHERE incident_id = :incident ORDER BY id""", new MapSqlParameterSource("incident", incidentId), rs -> {
            Kind kind = Kind.valueOf(rs.getString("kind"));
            int cycle = rs.getInt("cycle");
            Instant due = instant(rs, "due_at");
            String key = kind + "/" + cycle;
            switch (Entry.valueOf(rs.getString("entry"))) {
                case OPENED -> deadlines.putIfAbsent(key, new Deadline(kind, cycle, due, null, null, State.OPEN, null));
                case DONE -> {
                    boolean met = rs.getBoolean("met");
                    deadlines.put(key, new Deadline(kind, cycle, due, instant(rs, "done_at"), met,
                            met ? State.MET : State.MISSED, rs.getString("recorded_by")));
                }
                case WITHDRAWN -> deadlines.put(key, new Deadline(kind, cycle, due, null, null, State.WITHDRAWN,
                        rs.getString("recorded_by")));
            }
        });
        return new ArrayList<>(deadlines.values());
    }

    long countOpenDueBetween(Instant from, Instant to) {
        Long open = jdbc.queryForObject("""
                SELECT COUNT(*) FROM incident_deadline d
                WHERE d.entry = 'OPENED' AND d.due_at >= :from AND d.due_at < :to
                  AND NOT EXISTS (SELECT 1 FROM incident_deadline x WHERE x.incident_id = d.incident_id AND x.kind = d.kind
                                  AND x.cycle = d.cycle AND x.entry <> 'OPENED')""",
                new MapSqlParameterSource("from", utc(from)).addValue("to", utc(to)), Long.class);
        return open == null ? 0 : open;
    }

    int currentCycle(long incidentId, Kind kind) {
        Integer cycle = jdbc.queryForObject("SELECT MAX(cycle) FROM incident_deadline WHERE incident_id = :incident AND kind = :kind",
                new MapSqlParameterSource("incident", incidentId).addValue("kind", kind.name()), Integer.class);
        return cycle == null ? 0 : cycle;
    }

    void insert(long incidentId, Kind kind, int cycle, Entry entry, Instant dueAt, Instant doneAt, Boolean met,
                        String recordedBy) {
        jdbc.update("""
                INSERT INTO incident_deadline (incident_id, kind, cycle, entry, due_at, done_at, met, recorded_by, recorded_at)
                VALUES (:incident, :kind, :cycle, :entry, :due, :done, :met, :by, :now)""",
                new MapSqlParameterSource("incident", incidentId).addValue("kind", kind.name()).addValue("cycle", cycle)
                        .addValue("entry", entry.name()).addValue("due", utc(dueAt)).addValue("done", utc(doneAt))
                        .addValue("met", met).addValue("by", recordedBy).addValue("now", utc(clock.instant())));
    }

    /** Stored as UTC wall time, as Hibernate stores our other instants, whatever the JVM's zone. */
    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
