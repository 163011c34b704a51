package org.steward.consent;

/** How a consent change reached us (CON-1); the evidence names the link or the staff user. */
public enum Channel {
    /** The member's preferences page, behind a link from one of our mails. */
    PREFERENCES_LINK,
    /** The renewal page, behind the link in a renewal request or reminder (CON-3). */
    RENEWAL_LINK,
    /** RFC 8058 one-click unsubscribe from a newsletter, or its confirmation page (CON-5). */
    UNSUBSCRIBE_LINK,
    /** Staff recorded it for the member (a call, a letter). */
    STAFF,
    /** Steward itself: a consent lapsing at expiry (CON-3). */
    SYSTEM
}
