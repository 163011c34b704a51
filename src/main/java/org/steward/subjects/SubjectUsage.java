package org.steward.subjects;

/**
 * Implemented by each module that names people by subject id in its own rows (members, applications,
 * references). A subject is forgotten only when no module still uses it: a referee who is also a
 * member keeps their subject when their reference is reduced (APP-4). Logs (the outbox, the incident
 * notice log) do not count: deleting a subject unlinks them.
 */
public interface SubjectUsage {

    boolean uses(long subjectId);
}
