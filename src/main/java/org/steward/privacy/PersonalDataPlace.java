package org.steward.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of the register of personal data (issue 9): a place where a module keeps data about
 * people, declared once by the module that owns it. Erasure, deactivation, retention, export and the
 * completeness check walk the register; none of them knows a module's tables.
 *
 * <p>Every text column of Steward's own tables is declared by exactly one place, either as
 * {@link #personalColumns personal} or as {@link #otherTextColumns holding no personal data}; a schema
 * test fails when a column is neither, so a table added later cannot be forgotten.
 */
public interface PersonalDataPlace {

    /** What this place is, for people: "Membership applications", "Mail outbox". */
    String name();

    /** Table → its text columns that can hold personal data (names, contact details, free text about a person). */
    Map<String, Set<String>> personalColumns();

    /** Table → its text columns that hold no personal data (statuses, kinds, ids, hashes, template names). */
    Map<String, Set<String>> otherTextColumns();

    /** Everything this place holds about the subject, for an access or portability request (DSR-9). */
    List<Map<String, Object>> export(long subjectId);

    /**
     * Deletes or irreversibly anonymises the subject's data here (DSR-7), in the caller's transaction.
     *
     * @return the number of rows deleted or anonymised
     */
    int erase(long subjectId);
}
