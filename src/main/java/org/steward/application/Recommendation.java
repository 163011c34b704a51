package org.steward.application;

/** A referee's recommendation (APP-3): the non-identifying outcome that stays after APP-4. */
public enum Recommendation { RECOMMEND, RECOMMEND_WITH_RESERVATIONS, DO_NOT_RECOMMEND }
