/**
 * Deactivation and reactivation of members (DSR-6): MemberDeactivationProcess, the "manage my membership"
 * link, the member mail policy and the end of the retention period, which hands the member to erasure.
 * A module of its own inside privacy: it uses members, links, mail and erasure, while the register of
 * personal data in {@code org.steward.privacy} stays a leaf every module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deactivation")
package org.steward.privacy.deactivation;
