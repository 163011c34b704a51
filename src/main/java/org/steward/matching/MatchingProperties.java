package org.steward.matching;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code steward.matching.*} (MAT-1 to MAT-6).
 *
 * @param weights              MAT-1: how many points each criterion is worth at most
 * @param defaultCapacity      how many active matches a mentor takes unless they say otherwise (2)
 * @param candidates           how many ranked candidates a request keeps and the task shows (10)
 * @param unsuccessfulAsks     MAT-3: after this many declines or silences in a row staff get a task (3)
 * @param mentorAnswerWithin   MAT-3: how long a mentor has to accept (P7D)
 * @param checkInEvery         MAT-6: the check-in interval (P30D)
 * @param linkValidity         lifetime of the profile, request, close and partner-profile links (P90D)
 */
@ConfigurationProperties(prefix = "steward.matching")
public record MatchingProperties(Weights weights, Integer defaultCapacity, Integer candidates, Integer unsuccessfulAsks,
                                 Period mentorAnswerWithin, Period checkInEvery, Period linkValidity) {

    /** Points per criterion (MAT-1); a criterion scores 0..1 and earns that share of its weight. */
    public record Weights(Double industry, Double expertise, Double language, Double location, Double capacity) {
        public Weights {
            industry = industry == null ? 2.0 : industry;
            expertise = expertise == null ? 3.0 : expertise;
            language = language == null ? 2.0 : language;
            location = location == null ? 1.0 : location;
            capacity = capacity == null ? 1.0 : capacity;
        }
    }

    public MatchingProperties {
        weights = weights == null ? new Weights(null, null, null, null, null) : weights;
        defaultCapacity = defaultCapacity == null ? 2 : defaultCapacity;
        candidates = candidates == null ? 10 : candidates;
        unsuccessfulAsks = unsuccessfulAsks == null ? 3 : unsuccessfulAsks;
        mentorAnswerWithin = mentorAnswerWithin == null ? Period.ofDays(7) : mentorAnswerWithin;
        checkInEvery = checkInEvery == null ? Period.ofDays(30) : checkInEvery;
        linkValidity = linkValidity == null ? Period.ofDays(90) : linkValidity;
    }
}
