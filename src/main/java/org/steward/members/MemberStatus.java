package org.steward.members;

/**
 * ACTIVE members receive program mail; DEACTIVATED ones (DSR-6) receive none and may come back during the
 * retention period; ANONYMISED ones are past it: the row stays, naming nobody.
 */
public enum MemberStatus { ACTIVE, DEACTIVATED, ANONYMISED }
