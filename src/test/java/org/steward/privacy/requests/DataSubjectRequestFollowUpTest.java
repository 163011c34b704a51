package org.steward.privacy.requests;

/** Issue 10 part A on the embedded H2 database: runs everywhere. */
class DataSubjectRequestFollowUpTest extends DataSubjectRequestFollowUpScenario {
}
