package org.steward.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every deadline of an incident and its outcome (BRE-2 to BRE-4, BRE-6, issue 7 finding 2), kept in
 * {@code incident_deadline}, an append-only table: a deadline is OPENED with its due time, later DONE
 * (when, whether it was met, on whose approval) or WITHDRAWN (closed at triage). Rows are never
 * updated; the current state is derived from them. The process's timers and task due dates read the
 * due times from here (see {@code BreachTimers}), so no writable process variable decides them.
 *
 * <p>Plain JDBC on purpose ({@link IncidentDeadlineLog}): the process tests run this same class against
 * their own database.
 */
@Service
public class IncidentDeadlines {

    /** BRE-2: the ISO notice within 24 hours of discovery. */
    public static final Duration ISO_NOTICE_WITHIN = Duration.ofHours(24);
    /** GDPR Art. 33: the supervisory authority within 72 hours of discovery. */
    public static final Duration SUPERVISORY_AUTHORITY_WITHIN = Duration.ofHours(72);
    /** BRE-3: the written report within a further 24 hours of the ISO notice. */
    public static final Duration WRITTEN_REPORT_WITHIN = Duration.ofHours(24);
    /** BRE-4: status report n is due n × 24 hours after the written report was sent. */
    public static final Duration STATUS_REPORT_EVERY = Duration.ofHours(24);

    public enum Kind { ISO_NOTICE, WRITTEN_REPORT, STATUS_REPORT, SUPERVISORY_AUTHORITY }

    public enum State { OPEN, MET, MISSED, WITHDRAWN }

    /** A deadline as it stands: derived from its rows. {@code recordedBy} is who met it (null: Steward alone). */
    public record Deadline(Kind kind, int cycle, Instant dueAt, Instant doneAt, Boolean met, State state,
                           String recordedBy) {
    }

    private final IncidentDeadlineLog log;

    public IncidentDeadlines(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.log = new IncidentDeadlineLog(jdbc, clock);
    }

    /** At intake (BRE-1): the ISO notice and the supervisory-authority clocks count from discovery. */
    @Transactional
    public void openAtDiscovery(long incidentId, Instant discoveredAt, String reportedBy) {
        open(incidentId, Kind.ISO_NOTICE, 0, discoveredAt.plus(ISO_NOTICE_WITHIN), reportedBy);
        open(incidentId, Kind.SUPERVISORY_AUTHORITY, 0, discoveredAt.plus(SUPERVISORY_AUTHORITY_WITHIN), reportedBy);
    }

    /** When the ISO notice went out (BRE-3): the written report is due 24 hours later. */
    @Transactional
    public Deadline openWrittenReport(long incidentId) {
        Deadline notice = done(incidentId, Kind.ISO_NOTICE, 0);
        return open(incidentId, Kind.WRITTEN_REPORT, 0, notice.doneAt().plus(WRITTEN_REPORT_WITHIN), null);
    }

    /** The next daily cycle (BRE-4): report n is due n × 24 hours after the written report was sent. */
    @Transactional
    public Deadline openNextStatusReport(long incidentId) {
        Deadline written = done(incidentId, Kind.WRITTEN_REPORT, 0);
        int cycle = currentCycle(incidentId, Kind.STATUS_REPORT) + 1;
        return open(incidentId, Kind.STATUS_REPORT, cycle, written.doneAt().plus(STATUS_REPORT_EVERY.multipliedBy(cycle)), null);
    }

    /**
     * Records that the step a deadline asks for was done at {@code doneAt} (the engine's clock, the one
     * its timers use) and whether that was in time. A second call for the same deadline changes nothing.
     */
    @Transactional
    public Deadline close(long incidentId, Kind kind, int cycle, Instant doneAt, String recordedBy) {
        Deadline current = current(incidentId, kind, cycle)
                .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + " has no " + kind + " deadline " + cycle));
        if (current.state() != State.OPEN) {
            return current;
        }
        log.insert(incidentId, kind, cycle, IncidentDeadlineLog.Entry.DONE, current.dueAt(), doneAt,
                !doneAt.isAfter(current.dueAt()), recordedBy);
        return current(incidentId, kind, cycle).orElseThrow();
    }

    /** Closed at triage (BRE-1): its open deadlines no longer apply; the record says so instead of "missed". */
    @Transactional
    public void withdrawOpen(long incidentId, String recordedBy) {
        for (Deadline deadline : of(incidentId)) {
            if (deadline.state() == State.OPEN) {
                log.insert(incidentId, deadline.kind(), deadline.cycle(), IncidentDeadlineLog.Entry.WITHDRAWN, deadline.dueAt(),
                        null, null, recordedBy);
            }
        }
    }

    /** The due time the process's timers and tasks use; fails loudly when the deadline was never opened. */
    @Transactional(readOnly = true)
    public Instant dueAt(long incidentId, Kind kind, int cycle) {
        return current(incidentId, kind, cycle)
                .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + " has no " + kind + " deadline " + cycle))
                .dueAt();
    }

    /** The latest status report cycle opened (0 before the first); 0 for the deadlines that do not repeat. */
    @Transactional(readOnly = true)
    public int currentCycle(long incidentId, Kind kind) {
        return log.currentCycle(incidentId, kind);
    }

    @Transactional(readOnly = true)
    public Optional<Deadline> current(long incidentId, Kind kind, int cycle) {
        return of(incidentId).stream().filter(d -> d.kind() == kind && d.cycle() == cycle).findFirst();
    }

    /** Every deadline of the incident as it stands, in the order they were opened (BRE-6). */
    @Transactional(readOnly = true)
    public List<Deadline> of(long incidentId) {
        return log.of(incidentId);
    }

    /** How many deadlines are open (neither done nor withdrawn) with a due time in [from, to): what operators watch (issue 14). */
    @Transactional(readOnly = true)
    public long countOpenDueBetween(Instant from, Instant to) {
        return log.countOpenDueBetween(from, to);
    }

    private Deadline done(long incidentId, Kind kind, int cycle) {
        return current(incidentId, kind, cycle).filter(d -> d.doneAt() != null)
                .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + ": " + kind + " is not done yet"));
    }

    private Deadline open(long incidentId, Kind kind, int cycle, Instant dueAt, String recordedBy) {
        Optional<Deadline> existing = current(incidentId, kind, cycle);
        if (existing.isPresent()) {
            return existing.get(); // a retried step opens nothing twice, and never moves a due time
        }
        log.insert(incidentId, kind, cycle, IncidentDeadlineLog.Entry.OPENED, dueAt, null, null, recordedBy);
        return current(incidentId, kind, cycle).orElseThrow();
    }
}
