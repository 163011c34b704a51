package org.steward.privacy.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for data-subject requests: the requester's address, what they wrote, the texts
 * officers wrote back, and the exports. Erasure clears all of them; the request's id, type, times,
 * outcome and deadline record stay, as proof the request was answered (DSR-3).
 */
@Component
class RequestPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;
    private final RequestRecords records;

    RequestPersonalData(NamedParameterJdbcTemplate jdbc, RequestRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Override
    public String name() {
        return "Data-subject requests";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("privacy_request", Set.of("email", "open_key"),
                "privacy_request_text", Set.of("content"),
                "privacy_export", Set.of("json_content", "html_content"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("privacy_request", Set.of("request_type", "status", "outcome", "decided_by", "decision_category", "extended_by"),
                "privacy_request_text", Set.of("kind", "written_by"),
                // Field names and the officer's user id only: never the old or the new values.
                "privacy_request_correction", Set.of("fields", "corrected_by"),
                "privacy_request_deadline", Set.of("outcome"),
                "processing_restriction", Set.of("reason"));
    }

    /** The person's requests (type, status, times, outcome) and their do-not-process flags. */
    @Override
    public List<Map<String, Object>> export(long subjectId) {
        List<Map<String, Object>> rows = new ArrayList<>(records.exportFor(subjectId));
        rows.addAll(jdbc.queryForList("SELECT request_id, reason, flagged_at, lifted_at FROM processing_restriction WHERE subject_id = :s",
                new MapSqlParameterSource("s", subjectId)));
        return rows;
    }

    @Override
    public int erase(long subjectId) {
        int rows = 0;
        for (String email : records.emailsOf(subjectId)) {
            rows += records.forgetAddress(email);
        }
        // Not through RequestExports: it reads the register, which holds this place.
        rows += jdbc.update("DELETE FROM privacy_export WHERE subject_id = :s", new MapSqlParameterSource("s", subjectId));
        return rows + jdbc.update("DELETE FROM processing_restriction WHERE subject_id = :s", new MapSqlParameterSource("s", subjectId));
    }

    @Override
    public int eraseAddress(String email) {
        return records.forgetAddress(email);
    }
}
