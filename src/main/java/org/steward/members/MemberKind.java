package org.steward.members;

public enum MemberKind { MENTOR, ENTREPRENEUR }
