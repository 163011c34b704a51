package org.steward.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of the register of personal data (issue 9): a place where a module keeps data about
 * people, declared once by the module that owns it. Erasure, deactivation, retention, export and the
 * completeness check walk the register; none of them knows a module's tables.
 *
 * <p>Every text column of Steward's own tables is declared by exactly one place, either as
 * {@link #personalColumns personal} or as {@link #otherTextColumns holding no personal data}; a schema
 * test fails when a column is neither, so a table added later cannot be forgotten.
 *
 * <p>A person is found by their data subject id ({@code data_subject.id}) and, where a place keeps an
 * address by value (a log, an organisation's security contact), by that address.
 */
public interface PersonalDataPlace {

    /** Erasure order of places that hold rows others point at (the subject itself): they go last. */
    int LAST = Integer.MAX_VALUE;

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

    /**
     * Clears rows that hold this address without naming a subject (a log kept after its subject was
     * forgotten, a contact kept by value), in the caller's transaction. The address is normalised
     * (trimmed, lower case).
     *
     * @return the number of rows deleted or anonymised
     */
    default int eraseAddress(String email) {
        return 0;
    }

    /**
     * What identifies the person here beyond the subject key, read before erasure so that the
     * completeness check can search for it afterwards: names, addresses, phone numbers.
     *
     * @param subjectId the subject, or null when the person is known only by address
     * @param email     the normalised address, or null
     */
    default Set<String> identifiers(Long subjectId, String email) {
        return Set.of();
    }

    /**
     * Business keys of the process instances about this subject ({@code application-42}): erasure ends
     * them and removes them, with their comments, logs and variables, from the engine's history.
     */
    default Set<String> caseKeys(long subjectId) {
        return Set.of();
    }

    /**
     * Erasure walks places in ascending order: a place whose rows others point at (foreign keys) comes
     * after them; the data subject itself is {@link #LAST}.
     */
    default int erasureOrder() {
        return 0;
    }

    /**
     * DSR-4: whether this place must stay while any of the person's records are kept under a legal hold
     * elsewhere, because the held rows point at it (the data subject itself). A place a hold names is kept
     * by the hold; this says which places are kept with any hold, whatever it names.
     */
    default boolean keptWhileRecordsAreHeld() {
        return false;
    }

    /** Every table of this place, personal or not: what the completeness check leaves out while the place is held. */
    default Set<String> tables() {
        Set<String> tables = new TreeSet<>(personalColumns().keySet());
        tables.addAll(otherTextColumns().keySet());
        return tables;
    }
}
