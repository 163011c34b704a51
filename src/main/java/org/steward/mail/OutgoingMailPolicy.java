package org.steward.mail;

import java.util.List;

/**
 * A rule every mail passes on its way into the outbox, whichever module queues it: it may leave a mail out
 * (nothing reaches a deactivated member but the confirmation, DSR-6) or add to its model (every member
 * mail carries a "manage my membership" link). Runs in the caller's transaction, once per batch, after
 * mails already queued for their business event are set aside.
 */
public interface OutgoingMailPolicy {

    /** The mails to queue, in order: the given ones, some left out or with a larger model. */
    List<Mail> apply(List<Mail> mails);
}
