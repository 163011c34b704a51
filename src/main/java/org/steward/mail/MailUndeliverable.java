package org.steward.mail;

/**
 * A mail the outbox has given up on (status FAILED): the SMTP server refused it for good (a 5xx reply), it could
 * not be built, or every attempt failed. Published once per mail, in a transaction of its own that also marks the
 * mail as reported, so a listener's work (an incident on the owning case, an audit entry) happens exactly once or,
 * when the listener fails, is tried again on the next poll. Ids, codes and the template only: never the address
 * or the server's reply text (which may quote it).
 *
 * @param outboxId          the outbox row
 * @param template          which mail it was
 * @param caseKey           the case that queued it (business key such as {@code application-42}), else the mail's
 *                          subject reference ({@code application:42})
 * @param processInstanceId the process instance whose step queued it, or null when no process step did
 * @param activityId        that step's activity id, or null
 * @param smtpCode          the SMTP reply code of the last refusal, 0 when there was none (no connection, no message)
 * @param reason            why it was given up
 */
public record MailUndeliverable(long outboxId, String template, String caseKey, String processInstanceId, String activityId,
                                int smtpCode, Reason reason) {

    public enum Reason {
        /** The server answered 5xx: retrying cannot help (RFC 5321 4.2.1). */
        REFUSED,
        /** The message could not be built (an address that is no address). */
        UNBUILDABLE,
        /** Each of {@code steward.outbox.max-attempts} attempts failed for a reason that might have passed. */
        ATTEMPTS_EXHAUSTED
    }
}
