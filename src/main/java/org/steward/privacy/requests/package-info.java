/**
 * Data-subject requests (DSR-1 to DSR-3, DSR-8, DSR-9; issue 10): verified intake, the
 * DataSubjectRequestProcess with its 30-day deadline, the export, the do-not-process flag. A module of
 * its own inside privacy: it reads the register of personal data ({@code org.steward.privacy}) and hands
 * erasure and deactivation to their modules, so it cannot live in the register's module without a cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data-subject requests")
package org.steward.privacy.requests;
