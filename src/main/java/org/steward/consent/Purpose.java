package org.steward.consent;

/**
 * A purpose a member may consent to (CON-1): PROMOTION, MARKETING, ORG_REPORTING, SURVEYS, and any a
 * later policy version adds (CON-6).
 */
public record Purpose(String code, String label, String description, Long introducedByPolicyId) {

    public static final String PROMOTION = "PROMOTION";
    public static final String MARKETING = "MARKETING";
    public static final String ORG_REPORTING = "ORG_REPORTING";
    public static final String SURVEYS = "SURVEYS";
}
