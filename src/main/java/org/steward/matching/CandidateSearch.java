package org.steward.matching;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.privacy.ProcessingRestrictions;

/**
 * MAT-1: who may be proposed for a request, and in which order. One query reads every mentor's scoring inputs from
 * match_profile (kept there by {@link ScoringInputs}): mentors only, active members (DSR-6), with capacity, never the
 * entrepreneur, with a profile. Three small sets, each one query, rule out the rest as the rows stream by: mentors
 * whom the one do-not-process check flags (DSR-8, asked of its owner), mentors who declined this entrepreneur before,
 * and mentors whose active matches use all their capacity. Each survivor is scored and only the best {@code limit}
 * are kept in memory. On MySQL/MariaDB the rows stream (the server sends while we score), elsewhere they come in one
 * result; either way no entity is loaded and no query runs per mentor (MatchRankingBenchmark).
 */
@Component
class CandidateSearch {

    private static final String MENTORS = """
            SELECT member_id, subject_id, capacity, time_zone, industry, expertise, languages, city, postal_code
            FROM match_profile
            WHERE kind = 'MENTOR' AND member_active = TRUE AND capacity > 0 AND industry IS NOT NULL AND member_id <> ?""";
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

    /** The best {@code limit} candidates, best first (ties: lower member id first). */
    @Transactional(readOnly = true)
    List<CandidateScore> rank(MatchScorer scorer, MatchScorer.Seeker seeker, long entrepreneurId, int limit) {
        Comparator<CandidateScore> better = Comparator.comparing(CandidateScore::total)
                .thenComparing(CandidateScore::mentorId, Comparator.reverseOrder());
        PriorityQueue<CandidateScore> best = new PriorityQueue<>(better); // the worst of the best on top
        Exclusions exclusions = new Exclusions(restrictions.flaggedSubjects(), declined(entrepreneurId, null), activeMatches(null));
        // Once the list is full, a mentor who cannot reach its worst total is not compared word by word, and one
        // who does not reach it gets no breakdown.
        mentors(entrepreneurId, null, exclusions, mentor -> scorer.mayReach(seeker, mentor, floor(best, limit)), mentor -> {
            CandidateScore score = scorer.scoreReaching(seeker, mentor, floor(best, limit));
            if (score != null) {
                best.add(score);
                if (best.size() > limit) {
                    best.poll();
                }
            }
        });
        List<CandidateScore> ranked = new ArrayList<>(best);
        ranked.sort(better.reversed());
        return ranked;
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
        mentors(entrepreneurId, mentorId, exclusions, mentor -> true, mentor -> found[0] = true);
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
     * Every mentor the rules allow (or only the one named), handed over as the rows arrive; {@code worthReading} sees
     * the mentor without their expertise first, which is read only for those it lets through.
     */
    private void mentors(long entrepreneurId, Long only, Exclusions exclusions, Predicate<MatchScorer.Mentor> worthReading,
                         Consumer<MatchScorer.Mentor> each) {
        String sql = only == null ? MENTORS : MENTORS + " AND member_id = ?";
        jdbc.getJdbcOperations().query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            if (streams(connection)) {
                statement.setFetchSize(Integer.MIN_VALUE); // Connector/J: row by row instead of the whole result first
            }
            statement.setLong(1, entrepreneurId);
            if (only != null) {
                statement.setLong(2, only);
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
