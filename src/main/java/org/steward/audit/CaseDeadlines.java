package org.steward.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A capability's deadlines as the auditors' view reads them (BRE-6, AUD-2, AUD-4). The modules that keep
 * deadlines in their own append-only records implement it (breach today; requests later), so the audit
 * module reads them without depending on those modules. Ids, kinds, times and staff user ids only.
 */
public interface CaseDeadlines {

    /** How a deadline stands: done in time, done late, still open, open past its due time, or no longer applicable. */
    enum Outcome { MET, MISSED, OPEN, OVERDUE, WITHDRAWN }

    /** One deadline: {@code doneBy} recorded it done, {@code approvedBy} released the step (staff user ids, or null). */
    record Deadline(String kind, int cycle, Instant dueAt, Instant doneAt, Outcome outcome, String doneBy, String approvedBy) {
    }

    /** A case and its deadlines; {@code openedAt} is when its clocks started (an incident's discovery). */
    record Case(String businessKey, Instant openedAt, List<Deadline> deadlines) {
    }

    /** The business key prefix of the cases this covers, e.g. {@code incident}. */
    String caseType();

    /** The deadlines of one case; empty when the case is not one of ours. */
    List<Deadline> of(String businessKey);

    /** Business keys of the cases with at least one deadline missed (done late, or open past due at {@code now}). */
    Set<String> casesWithMissedDeadline(Instant now);

    /** Each case whose clocks started in [from, to), oldest first, handed over one at a time. */
    void forEachCaseOpenedBetween(Instant from, Instant to, Instant now, Consumer<Case> each);
}
