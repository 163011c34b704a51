package org.steward.operations;

import java.time.Instant;

/**
 * A capability's open deadlines as operators watch them (issue 14): the modules that keep deadlines implement it
 * (breach: incident deadlines; data-subject requests: the 30-day answer), so the metrics read them without reading
 * their tables or depending on those modules. Counts only.
 */
public interface OpenDeadlines {

    /** The process the deadlines belong to (its definition key), the {@code process} tag of the metrics. */
    String process();

    /** How many deadlines are open (not met, missed or withdrawn) with a due time in [from, to). */
    long dueBetween(Instant from, Instant to);
}
