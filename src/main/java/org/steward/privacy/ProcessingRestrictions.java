package org.steward.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * DSR-8: the one place every module asks whether a person may be processed. A person who asked for a
 * restriction or objected is flagged do-not-process: no matching, marketing or reporting until the flag
 * is lifted. It lives in the register's leaf module so that consent, matching and reporting can ask it
 * without depending on the request process that sets the flag.
 */
public interface ProcessingRestrictions {

    /** False while the data subject is flagged do-not-process (DSR-8). */
    boolean mayProcess(long subjectId);

    /** Of these data subjects, those that may be processed, in their order (one query for a mailing). */
    List<Long> processable(Collection<Long> subjectIds);

    /**
     * Every data subject flagged do-not-process now (one query): for a caller that goes through a whole population
     * at once, such as matching ranking every mentor, where asking by batches of ids would cost a query per batch.
     * The flagged are few (a restriction or an objection is one person's request), so the set stays small.
     */
    Set<Long> flaggedSubjects();
}
