package org.steward.privacy.erasure;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for erasure's own tables. The record of an erasure holds ids, categories and
 * column names only; the work list (erasure_identifier) holds the person's identifiers while their
 * erasure runs, is skipped by the completeness check, and is emptied by the process's last step.
 */
@Component
class ErasurePersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;

    ErasurePersonalData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "Erasure requests";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of(ErasureRecords.WORK_TABLE, Set.of("content"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("erasure_request", Set.of("kind", "status", "requested_by", "confirmation", "process_instance_id"),
                "erasure_place_cleared", Set.of("place"),
                "erasure_residue", Set.of("table_name", "column_name"),
                "erasure_place_kept", Set.of("place", "hold_kind"),
                ErasureRecords.WORK_TABLE, Set.of("kind"));
    }

    /** The erasures that concern the subject: when, what kind, with what result. */
    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return jdbc.queryForList("SELECT id, kind, status, requested_at, ended_at FROM erasure_request WHERE subject_id = :subject",
                new MapSqlParameterSource("subject", subjectId));
    }

    /** The record keeps ids only; the work list is the erasure's own and goes when its process ends. */
    @Override
    public int erase(long subjectId) {
        return 0;
    }
}
