package org.steward.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
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

        Mentor withExpertise(String text) {
            return new Mentor(memberId, industry, text, languages, city, postalCode, timeZone, capacity, activeMatches);
        }
    }

    private final MatchingProperties.Weights weights;
    private final Instant at;
    private Seeker lastSeeker;
    private Map<String, Integer> lastNeed;
    // A ranking scores one seeker against every mentor, and mentors share industries, languages, places and
    // capacities: each criterion but expertise is worked out once per distinct value (per seeker), not per mentor.
    private final Map<String, Points> industryPoints = new HashMap<>();
    private final Map<String, Points> languagePoints = new HashMap<>();
    private final Map<Place, Points> locationPoints = new HashMap<>();
    private final Map<Long, Points> capacityPoints = new HashMap<>();
    private final long bestExpertise;
    private final long bestOfTheRest;
    private BigDecimal lastFloor;
    private long lastFloorThousandths;

    private record Place(String city, String postalCode, String timeZone) {
    }

    /** A criterion's points, also in thousandths (their scale is 3) for {@link #mayReach}'s sum. */
    private record Points(BigDecimal value, long thousandths) {

        static Points of(BigDecimal points) {
            return new Points(points, points.unscaledValue().longValueExact());
        }
    }

    MatchScorer(MatchingProperties.Weights weights, Instant at) {
        this.weights = weights;
        this.at = at;
        // The most a criterion can add: its score is at most 1, and no points is 0 whatever the sign of the weight.
        this.bestExpertise = best(weights.expertise());
        this.bestOfTheRest = bestExpertise + best(weights.language()) + best(weights.location()) + best(weights.capacity());
    }

    CandidateScore score(Seeker seeker, Mentor mentor) {
        return scoreReaching(seeker, mentor, null);
    }

    /**
     * The mentor's score, or null when its total is below {@code floor} (the worst total a ranking still keeps; null:
     * always scored): the breakdown is only made for a mentor who gets on the list. A tie with the floor is scored.
     */
    CandidateScore scoreReaching(Seeker seeker, Mentor mentor, BigDecimal floor) {
        prepare(seeker);
        Points industry = industryPoints(seeker, mentor);
        Points expertise = Points.of(points(weights.expertise(), TextSimilarity.cosine(lastNeed, mentor.expertise())));
        Points language = languagePoints(seeker, mentor);
        Points location = locationPoints(seeker, mentor);
        Points capacity = capacityPoints(mentor);
        if (floor != null && industry.thousandths() + expertise.thousandths() + language.thousandths() + location.thousandths()
                + capacity.thousandths() < thousandths(floor)) {
            return null;
        }
        Map<Criterion, BigDecimal> points = new EnumMap<>(Criterion.class);
        points.put(Criterion.INDUSTRY, industry.value());
        points.put(Criterion.EXPERTISE, expertise.value());
        points.put(Criterion.LANGUAGE, language.value());
        points.put(Criterion.LOCATION, location.value());
        points.put(Criterion.CAPACITY, capacity.value());
        BigDecimal total = points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CandidateScore(mentor.memberId(), Map.copyOf(points), total);
    }

    /**
     * Whether the mentor can reach {@code floor} (the worst total a ranking still keeps; null: no floor yet) with full
     * expertise points. The mentor's expertise is not read: a ranking skips the text comparison, the one criterion
     * that costs per mentor, for those who cannot. One who could tie the floor may, so ties are broken as before.
     */
    boolean mayReach(Seeker seeker, Mentor mentor, BigDecimal floor) {
        if (floor == null) {
            return true;
        }
        prepare(seeker);
        long best = industryPoints(seeker, mentor).thousandths() + languagePoints(seeker, mentor).thousandths()
                + locationPoints(seeker, mentor).thousandths() + capacityPoints(mentor).thousandths() + bestExpertise;
        return best >= thousandths(floor);
    }

    private static long best(double weight) {
        return Math.max(0, Points.of(points(weight, 1)).thousandths());
    }

    /** A total in thousandths, rounded up (totals have three places; the floor is one), remembered for the same floor. */
    private long thousandths(BigDecimal floor) {
        if (floor != lastFloor) {
            lastFloorThousandths = floor.setScale(3, RoundingMode.CEILING).unscaledValue().longValueExact();
            lastFloor = floor;
        }
        return lastFloorThousandths;
    }

    /**
     * Whether a mentor of this industry can reach {@code floor} with full points on every other criterion: a ranking
     * reads the mentors of the best-scoring industries first and stops before those who cannot.
     */
    boolean mayReachWithIndustry(Seeker seeker, String industry, BigDecimal floor) {
        prepare(seeker);
        return industryPoints(seeker, industry).thousandths() + bestOfTheRest >= thousandths(floor);
    }

    /**
     * What a mentor of this industry must speak to reach {@code floor} at all (null floor: nothing), given full points on
     * location, capacity and expertise: nothing, one of the seeker's languages, or the preferred one. A ranking turns
     * it into a condition on the languages column, so SQL leaves out who could not make the list anyway.
     */
    Languages languagesNeeded(Seeker seeker, String industry, BigDecimal floor) {
        if (floor == null || weights.language() <= 0) {
            return Languages.none();
        }
        prepare(seeker);
        long rest = industryPoints(seeker, industry).thousandths() + best(weights.location()) + best(weights.capacity()) + bestExpertise;
        long needed = thousandths(floor);
        if (rest >= needed) {
            return Languages.none();
        }
        List<String> preferred = seeker.preferredLanguage() == null || normal(seeker.preferredLanguage()).isEmpty()
                ? List.of() : List.of(normal(seeker.preferredLanguage()));
        if (rest + Points.of(points(weights.language(), 0.5)).thousandths() >= needed) {
            List<String> any = new ArrayList<>(preferred);
            any.addAll(languages(seeker.languages()));
            return new Languages(true, any.stream().distinct().toList());
        }
        return new Languages(true, preferred);
    }

    /** Whether a mentor must speak one of {@code anyOf} (lower case, as {@link #languages} gives them) to be worth reading. */
    record Languages(boolean required, List<String> anyOf) {

        static Languages none() {
            return new Languages(false, List.of());
        }
    }

    /** This industry's points for the seeker, in thousandths: what orders the industries a ranking reads. */
    long industryThousandths(Seeker seeker, String industry) {
        prepare(seeker);
        return industryPoints(seeker, industry).thousandths();
    }

    private Points industryPoints(Seeker seeker, Mentor mentor) {
        return industryPoints(seeker, mentor.industry());
    }

    private Points industryPoints(Seeker seeker, String industry) {
        Points p = industryPoints.get(industry);
        if (p == null) {
            p = Points.of(points(weights.industry(), industry(seeker, industry)));
            industryPoints.put(industry, p);
        }
        return p;
    }

    private Points languagePoints(Seeker seeker, Mentor mentor) {
        Points p = languagePoints.get(mentor.languages());
        if (p == null) {
            p = Points.of(points(weights.language(), language(seeker, mentor)));
            languagePoints.put(mentor.languages(), p);
        }
        return p;
    }

    private Points locationPoints(Seeker seeker, Mentor mentor) {
        Place place = new Place(mentor.city(), mentor.postalCode(), mentor.timeZone());
        Points p = locationPoints.get(place);
        if (p == null) {
            p = Points.of(points(weights.location(), location(seeker, mentor)));
            locationPoints.put(place, p);
        }
        return p;
    }

    private Points capacityPoints(Mentor mentor) {
        long key = ((long) mentor.capacity() << 32) | (mentor.activeMatches() & 0xffffffffL);
        Points p = capacityPoints.get(key);
        if (p == null) {
            p = Points.of(points(weights.capacity(), capacity(mentor)));
            capacityPoints.put(key, p);
        }
        return p;
    }

    /** The need's word counts, and the remembered points, made once per seeker. */
    private void prepare(Seeker seeker) {
        if (seeker != lastSeeker) {
            lastNeed = TextSimilarity.counts(TextSimilarity.words(seeker.need()));
            industryPoints.clear();
            languagePoints.clear();
            locationPoints.clear();
            capacityPoints.clear();
            lastSeeker = seeker;
        }
    }

    static double industry(Seeker seeker, Mentor mentor) {
        return industry(seeker, mentor.industry());
    }

    static double industry(Seeker seeker, String industry) {
        if (seeker.industry() != null && industry != null && !seeker.industry().isBlank()
                && seeker.industry().trim().equalsIgnoreCase(industry.trim())) {
            return 1;
        }
        return TextSimilarity.jaccard(seeker.industry(), industry);
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
