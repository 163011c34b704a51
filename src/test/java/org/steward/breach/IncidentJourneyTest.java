package org.steward.breach;

/** The incident journey on the embedded H2 database: runs everywhere. */
class IncidentJourneyTest extends IncidentJourneyScenario {
}
