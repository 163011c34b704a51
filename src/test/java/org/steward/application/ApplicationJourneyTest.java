package org.steward.application;

/** The journey on the embedded H2 database: runs everywhere. */
class ApplicationJourneyTest extends ApplicationJourneyScenario {
}
