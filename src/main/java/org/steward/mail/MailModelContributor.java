package org.steward.mail;

import java.util.List;
import java.util.Map;

/**
 * Adds recipient-specific entries to mails as they are queued, in the queuing transaction: the
 * consent module gives every mail about a member its preferences link this way (CON-5), without each
 * module that writes to members issuing that link itself. Entries the caller set are never replaced.
 */
public interface MailModelContributor {

    /**
     * @param mails the mails about to be queued (already known to be new)
     * @return per idempotency key, the entries to add; mails not named get nothing
     */
    Map<String, Map<String, Object>> contribute(List<Mail> mails);
}
