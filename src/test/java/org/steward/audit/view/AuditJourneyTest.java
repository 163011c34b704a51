package org.steward.audit.view;

/** The auditors' view journey on H2 (AUD-2, AUD-4, BRE-6). */
class AuditJourneyTest extends AuditJourneyScenario {
}
