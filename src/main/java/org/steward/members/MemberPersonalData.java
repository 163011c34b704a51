package org.steward.members;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for members and their profiles (APP-1, APP-6): the profile is what a person told
 * us about themselves; the member row is their status. Erasure deletes both (DSR-7, DSR-10).
 */
@Component
class MemberPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;

    MemberPersonalData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "Members and profiles";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("member_profile", Set.of("phone", "postal_code", "city", "industry", "expertise", "business_name",
                "languages", "gender", "ethnicity", "country_of_origin"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("member", Set.of("status"), "member_profile", Set.of("kind"));
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        MapSqlParameterSource subject = new MapSqlParameterSource("subject", subjectId);
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList(
                "SELECT id, status, organisation_id, essential_communications, joined_at FROM member WHERE subject_id = :subject",
                subject));
        rows.addAll(jdbc.queryForList("SELECT * FROM member_profile WHERE subject_id = :subject", subject));
        return rows;
    }

    /** Applications point at the member row: the application place erases first. */
    @Override
    public int erase(long subjectId) {
        MapSqlParameterSource subject = new MapSqlParameterSource("subject", subjectId);
        return jdbc.update("DELETE FROM member WHERE subject_id = :subject", subject)
                + jdbc.update("DELETE FROM member_profile WHERE subject_id = :subject", subject);
    }

    @Override
    public Set<String> identifiers(Long subjectId, String email) {
        if (subjectId == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.queryForList("SELECT phone FROM member_profile WHERE subject_id = :subject AND phone IS NOT NULL",
                new MapSqlParameterSource("subject", subjectId), String.class));
    }

    @Override
    public int erasureOrder() {
        return 10;
    }
}
