package org.steward.matching;

/** The matching journey on the embedded H2 database: runs everywhere. */
class MatchingJourneyTest extends MatchingJourneyScenario {
}
