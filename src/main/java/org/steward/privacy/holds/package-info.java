/**
 * Legal holds (DSR-4, issue 10 part B): the register of holds that keep some of a person's records from
 * erasure (billing and donation records up to 7 years, records in an open dispute, records under a legal
 * obligation), and the privacy officers' API to place and release them. Erasure asks {@link
 * org.steward.privacy.holds.LegalHolds} which places of the register are held and hears of an early
 * release through {@link org.steward.privacy.holds.LegalHoldReleased}; this module knows nothing of erasure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Legal holds")
package org.steward.privacy.holds;
