package org.steward.mail;

import java.util.Collection;
import java.util.Set;

/**
 * Asked by the dispatcher just before it sends mails queued for a consent purpose (CON-2: a withdrawal
 * takes effect at once, so a newsletter queued before it is not sent). Implemented by the consent module.
 */
public interface PurposeConsent {

    /** Of these recipients (data subject ids), those who may receive mail for {@code purpose} now. */
    Set<Long> mayReceive(String purpose, Collection<Long> recipientSubjectIds);
}
