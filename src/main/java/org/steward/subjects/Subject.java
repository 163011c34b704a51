package org.steward.subjects;

/**
 * A person we hold data about, as other modules see them: the key, the address we write to and the
 * name we know them by.
 */
public record Subject(long id, String email, String displayName) {
}
