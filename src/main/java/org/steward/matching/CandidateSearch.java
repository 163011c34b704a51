package org.steward.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.members.MemberStatus;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.privacy.ProcessingRestrictions;

/**
 * MAT-1: who may be proposed for a request, and in which order. The database filters first, on matching's own
 * tables: mentors only, with capacity left (active matches counted), never the entrepreneur, never a mentor
 * who declined this entrepreneur before. The survivors are read in chunks of {@value #CHUNK} by id; each chunk
 * is narrowed to active members (DSR-6) whom the one do-not-process check allows (DSR-8), their profiles come
 * from the members API in one query, and only the best {@code limit} scores are kept in memory. Each chunk's API calls
 * run in a read-only transaction of their own, so the profiles read (JPA entities) are let go chunk by chunk instead
 * of piling up in the caller's persistence context, where every later query would flush-check them all
 * (MatchRankingBenchmark: quadratic at 100,000 mentors).
 */
@Component
class CandidateSearch {

    static final int CHUNK = 1000;

    private static final String PREFILTER = """
            SELECT member_id, subject_id, capacity, time_zone, active FROM (
                SELECT p.member_id, p.subject_id, p.capacity, p.time_zone,
                       (SELECT COUNT(*) FROM mentor_match mm WHERE mm.mentor_member_id = p.member_id AND mm.status = 'ACTIVE') AS active
                FROM match_profile p
                WHERE p.kind = 'MENTOR' AND p.member_id > :after AND p.member_id <> :entrepreneur AND p.capacity > 0
                  AND NOT EXISTS (SELECT 1 FROM match_attempt a JOIN match_request r ON r.id = a.request_id
                                  WHERE a.mentor_member_id = p.member_id AND r.entrepreneur_member_id = :entrepreneur
                                    AND a.status = 'DECLINED')
                  %s
            ) c WHERE c.capacity > c.active ORDER BY member_id LIMIT %d""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Members members;
    private final Profiles profiles;
    private final ProcessingRestrictions restrictions;
    private final TransactionTemplate perChunk;

    CandidateSearch(NamedParameterJdbcTemplate jdbc, Members members, Profiles profiles, ProcessingRestrictions restrictions,
                    PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.members = members;
        this.profiles = profiles;
        this.restrictions = restrictions;
        this.perChunk = new TransactionTemplate(transactions);
        this.perChunk.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.perChunk.setReadOnly(true);
    }

    private record Row(long memberId, long subjectId, int capacity, String timeZone, int active) {
    }

    /** The best {@code limit} candidates, best first (ties: lower member id first). */
    @Transactional(readOnly = true)
    List<CandidateScore> rank(MatchScorer scorer, MatchScorer.Seeker seeker, long entrepreneurId, int limit) {
        Comparator<CandidateScore> better = Comparator.comparing(CandidateScore::total)
                .thenComparing(CandidateScore::mentorId, Comparator.reverseOrder());
        PriorityQueue<CandidateScore> best = new PriorityQueue<>(better); // the worst of the best on top
        long after = 0;
        while (true) {
            List<Row> chunk = prefilter(entrepreneurId, after, null);
            if (chunk.isEmpty()) {
                break;
            }
            for (MatchScorer.Mentor mentor : eligible(chunk)) {
                best.add(scorer.score(seeker, mentor));
                if (best.size() > limit) {
                    best.poll();
                }
            }
            after = chunk.get(chunk.size() - 1).memberId();
            if (chunk.size() < CHUNK) {
                break;
            }
        }
        List<CandidateScore> ranked = new ArrayList<>(best);
        ranked.sort(better.reversed());
        return ranked;
    }

    /** Whether this mentor may be asked now for this entrepreneur (the same rules as the ranking), with their score input. */
    @Transactional(readOnly = true)
    boolean eligible(long mentorId, long entrepreneurId) {
        return !eligible(prefilter(entrepreneurId, 0, mentorId)).isEmpty();
    }

    private List<Row> prefilter(long entrepreneurId, long after, Long only) {
        MapSqlParameterSource params = new MapSqlParameterSource("after", after).addValue("entrepreneur", entrepreneurId);
        String extra = "";
        if (only != null) {
            extra = "AND p.member_id = :only";
            params.addValue("only", only);
        }
        return jdbc.query(PREFILTER.formatted(extra, CHUNK), params, (rs, i) -> new Row(rs.getLong("member_id"),
                rs.getLong("subject_id"), rs.getInt("capacity"), rs.getString("time_zone"), rs.getInt("active")));
    }

    /** Active (DSR-6), processable (DSR-8) mentors of a chunk, with their profiles: three queries per chunk. */
    private List<MatchScorer.Mentor> eligible(List<Row> chunk) {
        return perChunk.execute(status -> eligibleInChunk(chunk));
    }

    private List<MatchScorer.Mentor> eligibleInChunk(List<Row> chunk) {
        List<Long> subjects = chunk.stream().map(Row::subjectId).toList();
        Map<Long, MemberStatus> statuses = members.statusesOfSubjects(subjects);
        List<Long> active = subjects.stream().filter(s -> statuses.get(s) == MemberStatus.ACTIVE).toList();
        Set<Long> processable = new HashSet<>(restrictions.processable(active));
        Map<Long, Profile> found = profiles.findAll(processable);
        List<MatchScorer.Mentor> mentors = new ArrayList<>();
        for (Row row : chunk) {
            Profile p = found.get(row.subjectId());
            if (p != null && processable.contains(row.subjectId())) {
                mentors.add(new MatchScorer.Mentor(row.memberId(), p.industry(), p.expertise(), p.languages(), p.city(),
                        p.postalCode(), row.timeZone(), row.capacity(), row.active()));
            }
        }
        return mentors;
    }
}
