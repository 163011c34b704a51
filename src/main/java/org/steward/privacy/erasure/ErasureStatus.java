package org.steward.privacy.erasure;

/**
 * RUNNING until the completeness check has run; then VERIFIED (no identifier anywhere) or RESIDUE_FOUND;
 * HELD (DSR-4) when everything but records kept under a legal hold is erased and verified: the erasure
 * waits for the hold to end, erases them and verifies again.
 */
public enum ErasureStatus { RUNNING, VERIFIED, RESIDUE_FOUND, HELD }
