package org.steward.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** MAT-1: each criterion on its own, text similarity that is not exact matching, and an explanation that adds up. */
class MatchScorerTest {

    private static final MatchingProperties.Weights WEIGHTS = new MatchingProperties.Weights(2.0, 3.0, 2.0, 1.0, 1.0);
    private final MatchScorer scorer = new MatchScorer(WEIGHTS, Instant.parse("2026-06-01T12:00:00Z"));

    private static MatchScorer.Seeker seeker(String need, String industry, String languages, String preferred, String city,
                                             String postal, String zone) {
        return new MatchScorer.Seeker(need, industry, languages, preferred, city, postal, zone);
    }

    private static MatchScorer.Mentor mentor(String industry, String expertise, String languages, String city, String postal,
                                             String zone, int capacity, int active) {
        return new MatchScorer.Mentor(7, industry, expertise, languages, city, postal, zone, capacity, active);
    }

    private static final MatchScorer.Seeker PLAIN = seeker("", "", "", "", null, null, null);
    private static final MatchScorer.Mentor NOBODY = mentor("", "", "", null, null, null, 2, 2);

    @Test
    void industry_sameIndustry_scoresFull_relatedOnePartly_otherNone() {
        assertThat(MatchScorer.industry(seeker("", "Software", "", "", null, null, null), mentor("software ", "", "", null, null, null, 2, 0)))
                .isEqualTo(1.0);
        assertThat(MatchScorer.industry(seeker("", "Food processing", "", "", null, null, null), mentor("Food retail", "", "", null, null, null, 2, 0)))
                .isEqualTo(1.0 / 3);
        assertThat(MatchScorer.industry(seeker("", "Software", "", "", null, null, null), mentor("Agriculture", "", "", null, null, null, 2, 0)))
                .isZero();
    }

    @Test
    void expertise_isTextSimilarity_notExactMatch() {
        double close = TextSimilarity.cosine("I need help to scale my team", "Scaling engineering teams");
        double far = TextSimilarity.cosine("I need help to scale my team", "Tax law for cooperatives");
        assertThat(close).isGreaterThan(0.4);
        assertThat(far).isZero();
        assertThat(TextSimilarity.cosine("Processes", "process")).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TextSimilarity.words("The Café's pricing")).containsExactly("cafe", "pric");
    }

    @Test
    void words_plainAsciiFastPath_splitsLikeTheUnicodePath() {
        // The ASCII path (no regular expressions) and the Unicode path (an accented letter sends the text there) agree.
        assertThat(TextSimilarity.words("Scaling ENGINEERING-teams, 2 x B2B sales; the processes!"))
                .containsExactly("scal", "engineer", "team", "b2b", "sale", "process");
        assertThat(TextSimilarity.words("Scaling ENGINEERING-teams, 2 x B2B sales; the processes! é"))
                .containsExactly("scal", "engineer", "team", "b2b", "sale", "process");
    }

    @Test
    void language_preferredSpoken_full_anotherShared_half_none_zero() {
        assertThat(MatchScorer.language(seeker("", "", "English, Portuguese", "Portuguese", null, null, null),
                mentor("", "", "English, portuguese", null, null, null, 2, 0))).isEqualTo(1.0);
        assertThat(MatchScorer.language(seeker("", "", "English, Portuguese", "Portuguese", null, null, null),
                mentor("", "", "English", null, null, null, 2, 0))).isEqualTo(0.5);
        assertThat(MatchScorer.language(seeker("", "", "Portuguese", "Portuguese", null, null, null),
                mentor("", "", "German", null, null, null, 2, 0))).isZero();
    }

    @Test
    void location_sameCityOrPostalArea_full_sameZone_0_7_nearZone_0_4_far_zero() {
        assertThat(scorer.location(seeker("", "", "", "", "Berlin", null, null), mentor("", "", "", "berlin", null, null, 2, 0))).isEqualTo(1.0);
        assertThat(scorer.location(seeker("", "", "", "", null, "10115", null), mentor("", "", "", null, "10117", null, 2, 0))).isEqualTo(1.0);
        assertThat(scorer.location(seeker("", "", "", "", "Hamburg", "20095", "Europe/Berlin"),
                mentor("", "", "", "Munich", "80331", "Europe/Berlin", 2, 0))).isEqualTo(0.7);
        assertThat(scorer.location(seeker("", "", "", "", null, null, "Europe/Lisbon"),
                mentor("", "", "", null, null, "Europe/Berlin", 2, 0))).isEqualTo(0.4);
        assertThat(scorer.location(seeker("", "", "", "", null, null, "Europe/Lisbon"),
                mentor("", "", "", null, null, "Asia/Tokyo", 2, 0))).isZero();
        assertThat(scorer.location(seeker("", "", "", "", null, null, "Not/AZone"), mentor("", "", "", null, null, "Europe/Berlin", 2, 0)))
                .isZero();
    }

    @Test
    void capacity_isTheShareStillFree() {
        assertThat(MatchScorer.capacity(mentor("", "", "", null, null, null, 2, 0))).isEqualTo(1.0);
        assertThat(MatchScorer.capacity(mentor("", "", "", null, null, null, 2, 1))).isEqualTo(0.5);
        assertThat(MatchScorer.capacity(mentor("", "", "", null, null, null, 2, 2))).isZero();
        assertThat(MatchScorer.capacity(mentor("", "", "", null, null, null, 0, 0))).isZero();
    }

    @Test
    void weights_scaleEachCriterion_andTheExplanationAddsUpToTheTotal() {
        CandidateScore score = scorer.score(
                seeker("I need help to scale my team and find investors", "Software", "English, Portuguese", "Portuguese", "Lisbon", "1000-001", "Europe/Lisbon"),
                mentor("Software", "Scaling engineering teams; investor relations", "English", "Porto", "4000-001", "Europe/Lisbon", 2, 1));
        assertThat(score.points()).containsEntry(Criterion.INDUSTRY, new BigDecimal("2.000"))
                .containsEntry(Criterion.LANGUAGE, new BigDecimal("1.000"))
                .containsEntry(Criterion.LOCATION, new BigDecimal("0.700"))
                .containsEntry(Criterion.CAPACITY, new BigDecimal("0.500"));
        assertThat(score.points().get(Criterion.EXPERTISE)).isBetween(new BigDecimal("0.500"), new BigDecimal("3.000"));
        assertThat(score.points().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(score.total());
        assertThat(score.points()).hasSize(Criterion.values().length);

        MatchScorer heavyLanguage = new MatchScorer(new MatchingProperties.Weights(0.0, 0.0, 10.0, 0.0, 0.0), Instant.now());
        assertThat(heavyLanguage.score(seeker("", "", "", "Portuguese", null, null, null), mentor("", "", "Portuguese", null, null, null, 2, 0)).total())
                .isEqualByComparingTo("10");
        assertThat(scorer.score(PLAIN, NOBODY).total()).isEqualByComparingTo("0");
    }
}
