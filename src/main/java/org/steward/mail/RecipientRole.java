package org.steward.mail;

/**
 * Who a mail went to, as a role (AUD-2): the auditors' timeline shows it instead of the address. Each step
 * that queues a mail names it; rows queued before the role was kept say {@link #UNKNOWN}.
 */
public enum RecipientRole {
    APPLICANT, REFEREE, MEMBER, FRIEND, REQUESTER, DATA_SUBJECT,
    /** A member organisation's information security officer (BRE-2, BRE-3). */
    ORGANISATION_ISO,
    /** A member organisation's administrator, told of a request about one of its members (DSR-5). */
    ORGANISATION_ADMINISTRATOR,
    SECURITY_OFFICER, PRIVACY_OFFICER, STAFF,
    /** A processor's contact, instructed to erase (DSR-4). */
    PROCESSOR, UNKNOWN
}
