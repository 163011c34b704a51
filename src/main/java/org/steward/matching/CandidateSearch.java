package org.steward.matching;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.privacy.ProcessingRestrictions;

/**
 * MAT-1: who may be proposed for a request, and in which order. The mentors' scoring inputs are read from
 * match_profile (kept there by {@link ScoringInputs}), with plain SQL and no query per mentor: mentors only, active
 * members (DSR-6), with capacity, never the entrepreneur, with a profile; industry by industry, the best for this
 * seeker first, until no further industry could make the list ({@link #rank}). Three small sets, each one query, rule
 * out the rest as the rows stream by: mentors whom the one do-not-process check flags (DSR-8, asked of its owner),
 * mentors who declined this entrepreneur before, and mentors whose active matches use all their capacity. Each
 * survivor is scored and only the best {@code limit} are kept in memory. On MySQL/MariaDB the rows stream (the server
 * sends while we score), elsewhere they come in one result (MatchRankingBenchmark).
 */
@Component
class CandidateSearch {

    private static final String MENTORS = """
            SELECT member_id, subject_id, capacity, time_zone, industry, expertise, languages, city, postal_code
            FROM match_profile
            WHERE kind = 'MENTOR' AND member_active = TRUE AND capacity > 0 AND industry IS NOT NULL AND member_id <> :entrepreneur""";
    // Grouped by the whole index and nothing else, so MariaDB/MySQL jump from value to value ("index for group-by")
    // instead of reading an index entry per mentor; the entrepreneurs' industries are left out here.
    private static final String INDUSTRIES = "SELECT kind, industry FROM match_profile GROUP BY kind, industry";
    private static final int IN_LIST = 1000;
    private static final String ACTIVE_MATCHES = """
            SELECT mentor_member_id, COUNT(*) AS active FROM mentor_match WHERE status = 'ACTIVE' %s GROUP BY mentor_member_id""";
    private static final String DECLINED = """
            SELECT DISTINCT a.mentor_member_id FROM match_attempt a JOIN match_request r ON r.id = a.request_id
            WHERE r.entrepreneur_member_id = :entrepreneur AND a.status = 'DECLINED' %s""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProcessingRestrictions restrictions;

    CandidateSearch(NamedParameterJdbcTemplate jdbc, ProcessingRestrictions restrictions) {
        this.jdbc = jdbc;
        this.restrictions = restrictions;
    }

    /** What rules a mentor out besides the query's own conditions. */
    private record Exclusions(Set<Long> flaggedSubjects, Set<Long> declinedMentors, Map<Long, Integer> activeMatches) {

        /** The mentor's active matches, or -1 when they may not be proposed. */
        int activeOrExcluded(long memberId, long subjectId, int capacity) {
            if (flaggedSubjects.contains(subjectId) || declinedMentors.contains(memberId)) {
                return -1;
            }
            int active = activeMatches.getOrDefault(memberId, 0);
            return capacity > active ? active : -1;
        }
    }

    /**
     * The best {@code limit} candidates, best first (ties: lower member id first). The mentors are read industry by
     * industry, the best-scoring industry for this seeker first; once the list is full, the industries whose mentors
     * could not reach its worst total even with full points on every other criterion are not read at all, and of the
     * others only those who speak what they would need to ({@link MatchScorer#languagesNeeded}). So SQL narrows the rows
     * by industry (an index) and language, and nothing is left out that could have made the list.
     */
    @Transactional(readOnly = true)
    List<CandidateScore> rank(MatchScorer scorer, MatchScorer.Seeker seeker, long entrepreneurId, int limit) {
        Comparator<CandidateScore> better = Comparator.comparing(CandidateScore::total)
                .thenComparing(CandidateScore::mentorId, Comparator.reverseOrder());
        PriorityQueue<CandidateScore> best = new PriorityQueue<>(better); // the worst of the best on top
        Exclusions exclusions = new Exclusions(restrictions.flaggedSubjects(), declined(entrepreneurId, null), activeMatches(null));
        // Once the list is full, a mentor who cannot reach its worst total is not compared word by word, and one
        // who does not reach it gets no breakdown.
        Predicate<MatchScorer.Mentor> worthReading = mentor -> scorer.mayReach(seeker, mentor, floor(best, limit));
        Consumer<MatchScorer.Mentor> keep = mentor -> {
            CandidateScore score = scorer.scoreReaching(seeker, mentor, floor(best, limit));
            if (score != null) {
                best.add(score);
                if (best.size() > limit) {
                    best.poll();
                }
            }
        };
        List<List<String>> tiers = industryTiers(scorer, seeker);
        List<String> read = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            List<String> tier = tiers.get(i);
            BigDecimal floor = floor(best, limit);
            if (floor != null && !scorer.mayReachWithIndustry(seeker, tier.get(0), floor)) {
                break; // every later tier scores less on industry
            }
            MatchScorer.Languages languages = scorer.languagesNeeded(seeker, tier.get(0), floor);
            if (languages.required() && languages.anyOf().isEmpty()) {
                read.addAll(tier);
                continue; // nobody of this tier could make the list, whatever they speak
            }
            MapSqlParameterSource params = new MapSqlParameterSource();
            String speaking = speaking(languages, params);
            if (i == tiers.size() - 1) {
                // The last tier (for most seekers: every industry sharing no word with theirs) is whatever was not read,
                // so a mentor whose industry came after the list of industries was read is not missed.
                mentors(entrepreneurId, (read.isEmpty() ? "" : " AND industry NOT IN (:read)") + speaking, params.addValue("read", read),
                        exclusions, worthReading, keep);
            } else {
                for (int from = 0; from < tier.size(); from += IN_LIST) {
                    mentors(entrepreneurId, " AND industry IN (:tier)" + speaking,
                            params.addValue("tier", tier.subList(from, Math.min(from + IN_LIST, tier.size()))),
                            exclusions, worthReading, keep);
                }
            }
            read.addAll(tier);
        }
        List<CandidateScore> ranked = new ArrayList<>(best);
        ranked.sort(better.reversed());
        return ranked;
    }

    /**
     * The condition on the languages column that {@code languages} asks for: a mentor's list, in lower case, names one of
     * them. It may let through more than it should (a longer name containing one), never fewer; the scorer decides.
     */
    private static String speaking(MatchScorer.Languages languages, MapSqlParameterSource params) {
        if (!languages.required()) {
            return "";
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < languages.anyOf().size(); i++) {
            String pattern = "%" + languages.anyOf().get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            params.addValue("language" + i, pattern);
            alternatives.add("LOWER(languages) LIKE :language" + i + " ESCAPE '!'");
        }
        return " AND (" + String.join(" OR ", alternatives) + ")";
    }

    /**
     * Every industry mentors name, grouped by the points it earns this seeker, the best group first (one index read).
     * The schema's binary collation (docs/mysql-grants.sql) keeps each spelling apart; under a case-insensitive one,
     * spellings that differ only in case or accents earn the same points, so a group still stands for all of them.
     */
    private List<List<String>> industryTiers(MatchScorer scorer, MatchScorer.Seeker seeker) {
        TreeMap<Long, List<String>> byPoints = new TreeMap<>(Comparator.reverseOrder());
        jdbc.query(INDUSTRIES, (RowCallbackHandler) rs -> {
            String industry = rs.getString(2);
            if ("MENTOR".equals(rs.getString(1)) && industry != null) {
                byPoints.computeIfAbsent(scorer.industryThousandths(seeker, industry), points -> new ArrayList<>()).add(industry);
            }
        });
        return new ArrayList<>(byPoints.values());
    }

    /** The worst total the list keeps once it is full; null before. */
    private static BigDecimal floor(PriorityQueue<CandidateScore> best, int limit) {
        return best.size() < limit ? null : best.peek().total();
    }

    /** Whether this mentor may be asked now for this entrepreneur: the same rules as the ranking. */
    @Transactional(readOnly = true)
    boolean eligible(long mentorId, long entrepreneurId) {
        List<Long> subject = jdbc.queryForList("SELECT subject_id FROM match_profile WHERE member_id = :member",
                new MapSqlParameterSource("member", mentorId), Long.class);
        if (subject.isEmpty()) {
            return false;
        }
        Set<Long> flagged = restrictions.mayProcess(subject.get(0)) ? Set.of() : Set.of(subject.get(0));
        Exclusions exclusions = new Exclusions(flagged, declined(entrepreneurId, mentorId), activeMatches(mentorId));
        boolean[] found = {false};
        mentors(entrepreneurId, " AND member_id = :only", new MapSqlParameterSource("only", mentorId), exclusions, mentor -> true,
                mentor -> found[0] = true);
        return found[0];
    }

    private Set<Long> declined(long entrepreneurId, Long only) {
        MapSqlParameterSource params = new MapSqlParameterSource("entrepreneur", entrepreneurId).addValue("only", only);
        return new HashSet<>(jdbc.queryForList(DECLINED.formatted(only == null ? "" : "AND a.mentor_member_id = :only"), params, Long.class));
    }

    private Map<Long, Integer> activeMatches(Long only) {
        Map<Long, Integer> active = new HashMap<>();
        jdbc.query(ACTIVE_MATCHES.formatted(only == null ? "" : "AND mentor_member_id = :only"), new MapSqlParameterSource("only", only),
                (RowCallbackHandler) rs -> active.put(rs.getLong(1), rs.getInt(2)));
        return active;
    }

    /**
     * Every mentor the rules and the {@code extra} condition allow, handed over as the rows arrive; {@code worthReading}
     * sees the mentor without their expertise first, which is read only for those it lets through.
     */
    private void mentors(long entrepreneurId, String extra, MapSqlParameterSource params, Exclusions exclusions,
                         Predicate<MatchScorer.Mentor> worthReading, Consumer<MatchScorer.Mentor> each) {
        params.addValue("entrepreneur", entrepreneurId);
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(MENTORS + extra);
        String sql = NamedParameterUtils.substituteNamedParameters(parsed, params);
        List<Object> values = new ArrayList<>();
        for (Object value : NamedParameterUtils.buildValueArray(parsed, params, null)) {
            if (value instanceof Collection<?> list) {
                values.addAll(list); // an IN list, expanded to as many placeholders above
            } else {
                values.add(value);
            }
        }
        jdbc.getJdbcOperations().query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            if (streams(connection)) {
                statement.setFetchSize(Integer.MIN_VALUE); // Connector/J: row by row instead of the whole result first
            }
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            return statement;
        }, (RowCallbackHandler) rs -> {
            long memberId = rs.getLong(1);
            int capacity = rs.getInt(3);
            int active = exclusions.activeOrExcluded(memberId, rs.getLong(2), capacity);
            if (active >= 0) {
                MatchScorer.Mentor mentor = new MatchScorer.Mentor(memberId, rs.getString(5), null, rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(4), capacity, active);
                if (worthReading.test(mentor)) {
                    each.accept(mentor.withExpertise(rs.getString(6)));
                }
            }
        });
    }

    private static boolean streams(Connection connection) throws SQLException {
        return connection.getMetaData().getDriverName().contains("MySQL");
    }
}
