package org.steward.matching;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One candidate's score (MAT-1, MAT-2), broken down by criterion: {@code points} per criterion (its weight times
 * how well the candidate meets it, rounded to three places) add up exactly to {@code total}.
 */
public record CandidateScore(long mentorId, Map<Criterion, BigDecimal> points, BigDecimal total) {
}
