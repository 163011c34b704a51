package org.steward.privacy.erasure;

/** RUNNING until the completeness check has run; then VERIFIED (no identifier anywhere) or RESIDUE_FOUND. */
public enum ErasureStatus { RUNNING, VERIFIED, RESIDUE_FOUND }
