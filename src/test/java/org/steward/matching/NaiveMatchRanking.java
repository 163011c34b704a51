package org.steward.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.steward.members.MemberStatus;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.privacy.ProcessingRestrictions;

/**
 * For MatchRankingBenchmark only: the naive ranking the real one is measured against. It loads every mentor at once
 * (their matching rows in one query, then statuses, restrictions and profiles through the same APIs), scores them all
 * with the same scorer and sorts the whole list. Same rules as {@link CandidateSearch}, so both must agree.
 */
public final class NaiveMatchRanking {

    private final NamedParameterJdbcTemplate jdbc;
    private final Members members;
    private final Profiles profiles;
    private final ProcessingRestrictions restrictions;
    private final MatchingProperties settings;

    public NaiveMatchRanking(ApplicationContext context) {
        this.jdbc = context.getBean(NamedParameterJdbcTemplate.class);
        this.members = context.getBean(Members.class);
        this.profiles = context.getBean(Profiles.class);
        this.restrictions = context.getBean(ProcessingRestrictions.class);
        this.settings = context.getBean(MatchingProperties.class);
    }

    private record Row(long memberId, long subjectId, int capacity, String timeZone, int active) {
    }

    /** The best {@code settings.candidates()} mentor ids for this request, best first. */
    public List<Long> rank(long requestId) {
        // No transaction around it all: each API call has its own, as the real path's chunks do, so that neither pays
        // for a persistence context holding every profile read (which makes each later query flush-check them all).
        {
            Map<String, Object> request = jdbc.queryForMap("SELECT entrepreneur_member_id, need, language FROM match_request WHERE id = :id",
                    new MapSqlParameterSource("id", requestId));
            long entrepreneur = ((Number) request.get("entrepreneur_member_id")).longValue();
            Profile own = profiles.find(members.subjectIdOf(entrepreneur).orElseThrow()).orElse(null);
            MatchScorer.Seeker seeker = new MatchScorer.Seeker((String) request.get("need"), own == null ? null : own.industry(),
                    own == null ? null : own.languages(), (String) request.get("language"), own == null ? null : own.city(),
                    own == null ? null : own.postalCode(), null);
            List<Row> all = jdbc.query("""
                    SELECT p.member_id, p.subject_id, p.capacity, p.time_zone,
                           (SELECT COUNT(*) FROM mentor_match mm WHERE mm.mentor_member_id = p.member_id AND mm.status = 'ACTIVE') AS active
                    FROM match_profile p WHERE p.kind = 'MENTOR' AND p.member_id <> :entrepreneur AND p.capacity > 0
                      AND NOT EXISTS (SELECT 1 FROM match_attempt a JOIN match_request r ON r.id = a.request_id
                                      WHERE a.mentor_member_id = p.member_id AND r.entrepreneur_member_id = :entrepreneur
                                        AND a.status = 'DECLINED')""",
                    new MapSqlParameterSource("entrepreneur", entrepreneur), (rs, i) -> new Row(rs.getLong(1), rs.getLong(2),
                            rs.getInt(3), rs.getString(4), rs.getInt(5)));
            // Everything into memory first; the APIs are asked a thousand ids at a time (their IN lists are sized so).
            List<Long> subjects = all.stream().map(Row::subjectId).toList();
            Map<Long, MemberStatus> statuses = new HashMap<>();
            Set<Long> processable = new HashSet<>();
            Map<Long, Profile> found = new HashMap<>();
            for (int from = 0; from < subjects.size(); from += 1000) {
                statuses.putAll(members.statusesOfSubjects(subjects.subList(from, Math.min(from + 1000, subjects.size()))));
            }
            List<Long> active = subjects.stream().filter(s -> statuses.get(s) == MemberStatus.ACTIVE).toList();
            for (int from = 0; from < active.size(); from += 1000) {
                processable.addAll(restrictions.processable(active.subList(from, Math.min(from + 1000, active.size()))));
            }
            List<Long> allowed = new ArrayList<>(processable);
            for (int from = 0; from < allowed.size(); from += 1000) {
                found.putAll(profiles.findAll(allowed.subList(from, Math.min(from + 1000, allowed.size()))));
            }
            MatchScorer scorer = new MatchScorer(settings.weights(), java.time.Instant.now());
            List<CandidateScore> scored = new ArrayList<>();
            for (Row row : all) {
                Profile p = found.get(row.subjectId());
                if (p != null && row.capacity() > row.active()) {
                    scored.add(scorer.score(seeker, new MatchScorer.Mentor(row.memberId(), p.industry(), p.expertise(), p.languages(),
                            p.city(), p.postalCode(), row.timeZone(), row.capacity(), row.active())));
                }
            }
            scored.sort(Comparator.comparing(CandidateScore::total).reversed().thenComparing(CandidateScore::mentorId));
            return scored.stream().limit(settings.candidates()).map(CandidateScore::mentorId).toList();
        }
    }
}
