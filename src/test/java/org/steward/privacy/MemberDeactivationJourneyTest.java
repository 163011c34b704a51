package org.steward.privacy;

/** The deactivation journey on the embedded H2 database. */
class MemberDeactivationJourneyTest extends MemberDeactivationJourneyScenario {
}
