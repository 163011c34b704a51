package org.steward.privacy.requests;

import java.util.Locale;

/** DSR-1: what a data subject may ask for, and how the process answers once approved. */
public enum RequestType {
    ACCESS(Handling.EXPORT), PORTABILITY(Handling.EXPORT), RECTIFICATION(Handling.MANUAL),
    RESTRICTION(Handling.RESTRICT), OBJECTION(Handling.RESTRICT), ERASURE(Handling.ERASE), DEACTIVATION(Handling.DEACTIVATE);

    /** The branch of DataSubjectRequestProcess after approval: the value of the {@code handling} flag. */
    public enum Handling { EXPORT, RESTRICT, ERASE, DEACTIVATE, MANUAL }

    private final Handling handling;

    RequestType(Handling handling) {
        this.handling = handling;
    }

    public Handling handling() {
        return handling;
    }

    /** "access", for task names and mails. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
