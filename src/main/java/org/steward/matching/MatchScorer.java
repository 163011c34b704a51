package org.steward.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MAT-1: scores one mentor for one request, criterion by criterion; each criterion is 0..1 times its weight.
 * <ul>
 *   <li>industry: word overlap (Jaccard) of the two industries;</li>
 *   <li>expertise: text similarity (cosine) of the request's need and the mentor's expertise;</li>
 *   <li>language: 1 if the mentor speaks the preferred language, ½ if they share another, else 0;</li>
 *   <li>location: 1 for the same city or postal area, 0.7 the same time zone, 0.4 within two hours, else 0;</li>
 *   <li>capacity: the share of the mentor's capacity still free.</li>
 * </ul>
 * No database, no Spring: the unit tests call it directly.
 */
final class MatchScorer {

    /** What the request and its entrepreneur bring. */
    record Seeker(String need, String industry, String languages, String preferredLanguage, String city, String postalCode,
                  String timeZone) {
    }

    /** What a mentor brings. */
    record Mentor(long memberId, String industry, String expertise, String languages, String city, String postalCode,
                  String timeZone, int capacity, int activeMatches) {
    }

    private final MatchingProperties.Weights weights;
    private final Instant at;
    private Seeker lastSeeker;
    private Map<String, Integer> lastNeed;

    MatchScorer(MatchingProperties.Weights weights, Instant at) {
        this.weights = weights;
        this.at = at;
    }

    CandidateScore score(Seeker seeker, Mentor mentor) {
        Map<Criterion, BigDecimal> points = new EnumMap<>(Criterion.class);
        points.put(Criterion.INDUSTRY, points(weights.industry(), industry(seeker, mentor)));
        points.put(Criterion.EXPERTISE, points(weights.expertise(), TextSimilarity.cosine(needOf(seeker), mentor.expertise())));
        points.put(Criterion.LANGUAGE, points(weights.language(), language(seeker, mentor)));
        points.put(Criterion.LOCATION, points(weights.location(), location(seeker, mentor)));
        points.put(Criterion.CAPACITY, points(weights.capacity(), capacity(mentor)));
        BigDecimal total = points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CandidateScore(mentor.memberId(), Map.copyOf(points), total);
    }

    /** The need's word counts, made once per seeker: a ranking scores one seeker against every mentor. */
    private Map<String, Integer> needOf(Seeker seeker) {
        if (seeker != lastSeeker) {
            lastNeed = TextSimilarity.counts(TextSimilarity.words(seeker.need()));
            lastSeeker = seeker;
        }
        return lastNeed;
    }

    static double industry(Seeker seeker, Mentor mentor) {
        if (seeker.industry() != null && mentor.industry() != null && !seeker.industry().isBlank()
                && seeker.industry().trim().equalsIgnoreCase(mentor.industry().trim())) {
            return 1;
        }
        return TextSimilarity.jaccard(seeker.industry(), mentor.industry());
    }

    static double language(Seeker seeker, Mentor mentor) {
        List<String> spoken = languages(mentor.languages());
        if (seeker.preferredLanguage() != null && spoken.contains(normal(seeker.preferredLanguage()))) {
            return 1;
        }
        return languages(seeker.languages()).stream().anyMatch(spoken::contains) ? 0.5 : 0;
    }

    double location(Seeker seeker, Mentor mentor) {
        if (seeker.city() != null && mentor.city() != null && normal(seeker.city()).equals(normal(mentor.city()))) {
            return 1;
        }
        String a = area(seeker.postalCode());
        if (a != null && a.equals(area(mentor.postalCode()))) {
            return 1;
        }
        ZoneId x = zone(seeker.timeZone());
        ZoneId y = zone(mentor.timeZone());
        if (x == null || y == null) {
            return 0;
        }
        if (x.equals(y)) {
            return 0.7;
        }
        int apart = Math.abs(x.getRules().getOffset(at).getTotalSeconds() - y.getRules().getOffset(at).getTotalSeconds());
        return apart <= 2 * 3600 ? 0.4 : 0;
    }

    static double capacity(Mentor mentor) {
        if (mentor.capacity() <= 0) {
            return 0;
        }
        return Math.max(0, mentor.capacity() - mentor.activeMatches()) / (double) mentor.capacity();
    }

    private static BigDecimal points(double weight, double score) {
        return BigDecimal.valueOf(weight * score).setScale(3, RoundingMode.HALF_UP);
    }

    static List<String> languages(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split("[,;/]")).map(MatchScorer::normal).filter(s -> !s.isEmpty()).toList();
    }

    private static String normal(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** The first three characters of a postal code, its area (10115 and 10117 are both Berlin-Mitte). */
    private static String area(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        String compact = postalCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return compact.length() < 3 ? null : compact.substring(0, 3);
    }

    static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
