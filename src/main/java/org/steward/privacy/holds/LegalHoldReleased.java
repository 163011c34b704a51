package org.steward.privacy.holds;

/** DSR-4: an officer released a hold before its end date; whatever it kept may now be erased. */
public record LegalHoldReleased(long holdId, long subjectId) {
}
