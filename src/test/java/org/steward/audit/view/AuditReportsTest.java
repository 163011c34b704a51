package org.steward.audit.view;

/** {@link AuditReportsScenario} on H2. */
class AuditReportsTest extends AuditReportsScenario {
}
