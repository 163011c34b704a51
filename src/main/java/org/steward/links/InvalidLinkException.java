package org.steward.links;

/** A link that cannot be used: the page says why, never with a stack trace. */
public class InvalidLinkException extends RuntimeException {

    public enum Reason { UNKNOWN, EXPIRED, USED }

    private final Reason reason;

    public InvalidLinkException(Reason reason) {
        super("Link " + reason.name().toLowerCase());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
