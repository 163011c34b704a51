package org.steward.privacy.requests;

/** The data-subject request journeys on the embedded H2 database: runs everywhere. */
class DataSubjectRequestJourneyTest extends DataSubjectRequestJourneyScenario {
}
