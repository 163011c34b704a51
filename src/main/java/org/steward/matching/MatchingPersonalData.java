package org.steward.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.members.Members;
import org.steward.privacy.PersonalDataPlace;

/**
 * Matching's entry in the register of personal data (issue 12): a member's matching profile (time zone,
 * capacity, and the copy of their profile's industry, expertise, languages, city and postal code that ranking reads),
 * their requests (the need they wrote), the asks they received, their matches with the introductions,
 * check-ins and feedback (free text). Export lists it all (DSR-9); erasure deletes it, with every match the person
 * was part of, and ends their running request and match cases (DSR-7).
 */
@Component
class MatchingPersonalData implements PersonalDataPlace {

    private static final String MATCHES_OF = "SELECT id FROM mentor_match WHERE mentor_member_id = :member OR entrepreneur_member_id = :member";
    private static final String REQUESTS_OF = "SELECT id FROM match_request WHERE entrepreneur_member_id = :member";

    private final NamedParameterJdbcTemplate jdbc;
    private final Members members;

    MatchingPersonalData(NamedParameterJdbcTemplate jdbc, Members members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Override
    public String name() {
        return "Matching: profiles, requests, matches, introductions, check-ins and feedback";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        // match_profile's industry to postal_code: the copy of the profile fields the scorer reads (ScoringInputs).
        return Map.of("match_profile", Set.of("time_zone", "industry", "expertise", "languages", "city", "postal_code"),
                "match_request", Set.of("need", "language"),
                "match_check_in", Set.of("comment"),
                "match_feedback", Set.of("comment"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        // requested_by, picked_by and closed_by name staff users, "member" or a side; fields lists field names.
        return Map.of("match_profile", Set.of("kind"),
                "match_request", Set.of("status", "requested_by"),
                "match_attempt", Set.of("status", "picked_by"),
                "mentor_match", Set.of("status", "closed_by"),
                "match_party", Set.of("role"),
                "match_introduction", Set.of("fields"),
                "match_check_in", Set.of("answer"),
                "match_org_report", Set.of("report_kind"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(long subjectId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Optional<Long> member = members.memberIdOf(subjectId);
        member.ifPresent(memberId -> {
            MapSqlParameterSource p = new MapSqlParameterSource("member", memberId);
            rows.addAll(jdbc.queryForList("SELECT 'match_profile' AS place, kind, capacity, time_zone, industry, expertise, languages, "
                    + "city, postal_code, member_active, updated_at FROM match_profile WHERE member_id = :member", p));
            rows.addAll(jdbc.queryForList("SELECT 'match_request' AS place, id, need, language, status, requested_at, closed_at "
                    + "FROM match_request WHERE entrepreneur_member_id = :member ORDER BY id", p));
            rows.addAll(jdbc.queryForList("SELECT 'match_attempt' AS place, id, request_id, status, asked_at, answered_at "
                    + "FROM match_attempt WHERE mentor_member_id = :member ORDER BY id", p));
            rows.addAll(jdbc.queryForList("SELECT 'mentor_match' AS place, id, mentor_member_id, entrepreneur_member_id, status, "
                    + "started_at, closed_at FROM mentor_match WHERE mentor_member_id = :member OR entrepreneur_member_id = :member ORDER BY id", p));
            rows.addAll(jdbc.queryForList("SELECT 'match_introduction' AS place, match_id, to_member_id, about_member_id, fields, sent_at "
                    + "FROM match_introduction WHERE to_member_id = :member OR about_member_id = :member ORDER BY id", p));
            rows.addAll(jdbc.queryForList("SELECT 'match_check_in' AS place, c.match_id, c.cycle_no, c.sent_at, c.answer, c.comment, "
                    + "c.answered_at FROM match_check_in c JOIN match_party p ON p.id = c.party_id WHERE p.member_id = :member ORDER BY c.id", p));
            rows.addAll(jdbc.queryForList("SELECT 'match_feedback' AS place, f.match_id, f.asked_at, f.rating, f.comment, f.answered_at "
                    + "FROM match_feedback f JOIN match_party p ON p.id = f.party_id WHERE p.member_id = :member ORDER BY f.id", p));
        });
        return rows;
    }

    /** The person's own requests and every match they are part of: erasure ends those cases. */
    @Override
    @Transactional(readOnly = true)
    public Set<String> caseKeys(long subjectId) {
        Set<String> keys = new LinkedHashSet<>();
        members.memberIdOf(subjectId).ifPresent(memberId -> {
            MapSqlParameterSource p = new MapSqlParameterSource("member", memberId);
            jdbc.queryForList(REQUESTS_OF, p, Long.class).forEach(id -> keys.add(MatchingProcesses.requestKey(id)));
            jdbc.queryForList(MATCHES_OF, p, Long.class).forEach(id -> keys.add(MatchingProcesses.matchKey(id)));
        });
        return keys;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(long subjectId) {
        Optional<Long> member = members.memberIdOf(subjectId);
        if (member.isEmpty()) {
            return jdbc.update("DELETE FROM match_profile WHERE subject_id = :subject", new MapSqlParameterSource("subject", subjectId));
        }
        MapSqlParameterSource p = new MapSqlParameterSource("member", member.get());
        int erased = 0;
        List<Long> matches = jdbc.queryForList(MATCHES_OF, p, Long.class);
        if (!matches.isEmpty()) {
            MapSqlParameterSource m = new MapSqlParameterSource("matches", matches);
            for (String table : List.of("match_feedback", "match_check_in", "match_introduction", "match_org_report", "match_party")) {
                erased += jdbc.update("DELETE FROM " + table + " WHERE match_id IN (:matches)", m);
            }
            erased += jdbc.update("DELETE FROM mentor_match WHERE id IN (:matches)", m);
        }
        List<Long> requests = jdbc.queryForList(REQUESTS_OF, p, Long.class);
        if (!requests.isEmpty()) {
            MapSqlParameterSource r = new MapSqlParameterSource("requests", requests);
            List<Long> matchesOfRequests = jdbc.queryForList("SELECT id FROM mentor_match WHERE request_id IN (:requests)", r, Long.class);
            if (!matchesOfRequests.isEmpty()) {
                throw new IllegalStateException("A match of the person's request was not erased with them");
            }
            erased += jdbc.update("DELETE FROM match_candidate WHERE request_id IN (:requests)", r);
            erased += jdbc.update("DELETE FROM match_attempt WHERE request_id IN (:requests)", r);
            erased += jdbc.update("DELETE FROM match_request WHERE id IN (:requests)", r);
        }
        erased += jdbc.update("DELETE FROM match_candidate WHERE mentor_member_id = :member", p);
        erased += jdbc.update("DELETE FROM match_attempt WHERE mentor_member_id = :member", p);
        erased += jdbc.update("DELETE FROM match_profile WHERE member_id = :member", p);
        return erased;
    }
}
