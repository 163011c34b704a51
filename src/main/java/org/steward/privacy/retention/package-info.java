/**
 * The daily retention sweep (RET-1, RET-2, APP-4): RetentionSweepProcess anonymises members past their
 * retention period, reduces decided referee data, deletes expired links and exports, and makes the outbox
 * forget recipients. A module of its own inside privacy, for the same reason as deactivation and erasure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package org.steward.privacy.retention;
