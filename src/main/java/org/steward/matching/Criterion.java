package org.steward.matching;

/** MAT-1: what a candidate is scored on; each criterion's weight is a setting (steward.matching.weights.*). */
public enum Criterion { INDUSTRY, EXPERTISE, LANGUAGE, LOCATION, CAPACITY }
