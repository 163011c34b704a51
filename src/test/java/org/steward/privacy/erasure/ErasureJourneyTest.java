package org.steward.privacy.erasure;

/** The erasure journeys on the embedded H2 database: runs everywhere. */
class ErasureJourneyTest extends ErasureJourneyScenario {
}
