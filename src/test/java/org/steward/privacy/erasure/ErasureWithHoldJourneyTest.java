package org.steward.privacy.erasure;

/** The erasure-with-hold-and-processor journeys on the embedded H2 database: runs everywhere. */
class ErasureWithHoldJourneyTest extends ErasureWithHoldJourneyScenario {
}
