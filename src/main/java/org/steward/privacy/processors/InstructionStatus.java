package org.steward.privacy.processors;

/** Where an erasure instruction stands: SENT, REMINDED (day 5), CONFIRMED (by link or on follow-up), CLOSED_UNCONFIRMED. */
public enum InstructionStatus { SENT, REMINDED, CONFIRMED, CLOSED_UNCONFIRMED }
