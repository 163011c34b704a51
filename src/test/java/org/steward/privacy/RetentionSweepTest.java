package org.steward.privacy;

/** The retention sweep on the embedded H2 database. */
class RetentionSweepTest extends RetentionSweepScenario {
}
