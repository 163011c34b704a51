package org.steward.breach;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.steward.breach.IncidentApprovals.Approval;

/**
 * The incidents' deadlines and approvals for the auditors (BRE-6, AUD-2, AUD-4): read from the
 * append-only records ({@link IncidentDeadlines}, {@link IncidentApprovals}), never from process variables.
 */
@Component
class BreachCaseDeadlines implements CaseDeadlines {

    private static final String PREFIX = "incident-";

    private final IncidentDeadlines deadlines;
    private final IncidentApprovals approvals;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    BreachCaseDeadlines(IncidentDeadlines deadlines, IncidentApprovals approvals, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.clock = clock;
        this.deadlines = deadlines;
        this.approvals = approvals;
        this.jdbc = jdbc;
    }

    @Override
    public String caseType() {
        return "incident";
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseDeadlines.Deadline> of(String businessKey) {
        return incidentId(businessKey).map(id -> of(id, clock.instant())).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> casesWithMissedDeadline(Instant now) {
        Set<String> keys = new HashSet<>();
        jdbc.query("""
                SELECT DISTINCT d.incident_id FROM incident_deadline d
                WHERE (d.entry = 'DONE' AND d.met = FALSE)
                   OR (d.entry = 'OPENED' AND d.due_at < :now AND NOT EXISTS (SELECT 1 FROM incident_deadline x
                       WHERE x.incident_id = d.incident_id AND x.kind = d.kind AND x.cycle = d.cycle AND x.entry <> 'OPENED'))""",
                new MapSqlParameterSource("now", utc(now)),
                rs -> {
                    keys.add(BreachProcess.businessKey(rs.getLong(1)));
                });
        return keys;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachCaseOpenedBetween(Instant from, Instant to, Instant now, Consumer<Case> each) {
        MapSqlParameterSource period = new MapSqlParameterSource("from", utc(from)).addValue("to", utc(to));
        // The ids first (small), then one incident at a time: no incident's rows wait in memory for the others.
        List<Long> ids = jdbc.queryForList("SELECT id FROM incident WHERE discovered_at >= :from AND discovered_at < :to ORDER BY discovered_at, id",
                period, Long.class);
        for (long id : ids) {
            Instant discovered = jdbc.queryForObject("SELECT discovered_at FROM incident WHERE id = :id",
                    new MapSqlParameterSource("id", id), (rs, n) -> rs.getObject(1, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC));
            each.accept(new Case(BreachProcess.businessKey(id), discovered, of(id, now)));
        }
    }

    private List<CaseDeadlines.Deadline> of(long incidentId, Instant now) {
        List<Approval> approved = approvals.of(incidentId);
        return deadlines.of(incidentId).stream().map(d -> new CaseDeadlines.Deadline(d.kind().name(), d.cycle(), d.dueAt(), d.doneAt(),
                outcome(d, now), d.recordedBy(), approvedBy(approved, d))).toList();
    }

    private static Outcome outcome(IncidentDeadlines.Deadline deadline, Instant now) {
        return switch (deadline.state()) {
            case MET -> Outcome.MET;
            case MISSED -> Outcome.MISSED;
            case WITHDRAWN -> Outcome.WITHDRAWN;
            case OPEN -> deadline.dueAt().isBefore(now) ? Outcome.OVERDUE : Outcome.OPEN;
        };
    }

    private static String approvedBy(List<Approval> approved, IncidentDeadlines.Deadline deadline) {
        return approved.stream().filter(a -> a.kind().name().equals(deadline.kind().name()) && a.cycle() == deadline.cycle())
                .reduce((first, second) -> second).map(Approval::approvedBy).orElse(null);
    }

    private static Optional<Long> incidentId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(businessKey.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static java.time.LocalDateTime utc(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
