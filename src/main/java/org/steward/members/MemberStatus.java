package org.steward.members;

/** ACTIVE members receive program mail; DEACTIVATED ones (DSR-6) receive none. */
public enum MemberStatus { ACTIVE, DEACTIVATED }
