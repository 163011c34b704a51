package org.steward.consent;

/** The consent journey on the embedded H2 database: runs everywhere. */
class ConsentJourneyTest extends ConsentJourneyScenario {
}
