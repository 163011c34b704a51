package org.steward.privacy.deactivation;

/** Purposes and paths of the links a member uses to leave and come back (DSR-6). Links name the member's data subject. */
public final class MembershipLinks {

    /** "Manage my membership": in every mail to an active member. */
    public static final String MANAGE = "manage-membership";
    /** In the deactivation confirmation; valid for the retention period. */
    public static final String REACTIVATION = "reactivation";

    public static final String MANAGE_PATH = "/links/membership/";
    public static final String REACTIVATION_PATH = "/links/reactivation/";

    private MembershipLinks() {
    }
}
