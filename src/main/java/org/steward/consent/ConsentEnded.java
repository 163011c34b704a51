package org.steward.consent;

/** Published in the transaction that withdraws or lapses a consent, so work that depended on it stops (CON-2, CON-4). */
record ConsentEnded(long memberId, String purpose) {
}
