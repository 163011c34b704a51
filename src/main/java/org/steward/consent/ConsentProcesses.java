package org.steward.consent;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.steward.tasks.CaseKey;

/**
 * Names shared by the consent BPMN files and their Java side. Business keys carry the case
 * ({@code consent-3}: expiry day 3, {@code newsletter-5}, {@code release-8}, {@code policy-2},
 * {@code invitation-4}); variables hold chunk numbers and decision flags only, never text.
 */
public final class ConsentProcesses {

    public static final String RENEWAL_KEY = "ConsentRenewalProcess";
    public static final String RENEWAL_CASE = "consent";
    public static final String NEWSLETTER_KEY = "NewsletterProcess";
    public static final String NEWSLETTER_CASE = "newsletter";
    public static final String RELEASE_KEY = "PromotionReleaseProcess";
    public static final String RELEASE_CASE = "release";
    public static final String POLICY_KEY = "PolicyChangeProcess";
    public static final String POLICY_CASE = "policy";
    public static final String INVITATION_KEY = "FriendInvitationProcess";
    public static final String INVITATION_CASE = "invitation";

    /** The chunk of member ids a multi-instance step works on (one job per chunk). */
    public static final String CHUNK = "chunk";
    /** CON-6: whether a policy version adds a purpose. */
    public static final String ADDS_PURPOSE = "addsPurpose";

    public static final String MSG_RELEASE_CONFIRMED = "Msg_ReleaseConfirmed";
    public static final String MSG_RELEASE_REFUSED = "Msg_ReleaseRefused";
    public static final String MSG_PROMOTION_CONSENT_ENDED = "Msg_PromotionConsentEnded";
    public static final String MSG_FRIEND_ADDRESS_REMOVED = "Msg_FriendAddressRemoved";

    public static final String TASK_PUBLISH_STORY = "Task_PublishStory";

    private ConsentProcesses() {
    }

    /** The case a step works on, from the instance's immutable business key. */
    public static long caseId(DelegateExecution execution, String kind) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), kind);
    }

    /** The chunk number of the current multi-instance job. */
    public static long chunk(DelegateExecution execution) {
        return ((Number) execution.getVariable(CHUNK)).longValue();
    }
}
