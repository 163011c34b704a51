package org.steward.privacy;

/**
 * Irreversibly anonymises everything Steward holds about one data subject (DSR-6 after the retention
 * period, DSR-7). Deactivation and the retention sweep call this and nothing else; the erasure capability
 * provides the implementation (until it is wired in, {@code deactivation.RegisterAnonymiser} walks the
 * register of personal data).
 */
public interface SubjectAnonymiser {

    /** @param reason why, for the record: a category such as "retention after deactivation ended", never personal data */
    void anonymise(long subjectId, String reason);
}
