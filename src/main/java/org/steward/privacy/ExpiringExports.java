package org.steward.privacy;

import java.time.Instant;

/**
 * The retention sweep's hook for exports (RET-1, DSR-9): whoever stores data-subject exports implements
 * this, and the sweep's "Delete expired exports" step calls every implementation daily. No export exists
 * yet, so today the step deletes nothing.
 */
public interface ExpiringExports {

    /** Deletes every export whose download link expired before {@code asOf}; returns how many. */
    int deleteExpired(Instant asOf);
}
