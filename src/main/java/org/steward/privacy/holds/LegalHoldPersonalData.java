package org.steward.privacy.holds;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for legal holds (DSR-4): a hold names a person (by subject id) and carries the
 * officer's reason, which may say things about them. Erasure deletes the holds that ended; an active hold
 * stays, since it is what keeps the records it covers, and goes with them once it ends.
 */
@Component
class LegalHoldPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;

    LegalHoldPersonalData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "Legal holds";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("legal_hold", Set.of("reason"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("legal_hold", Set.of("kind", "placed_by", "released_by"),
                "legal_hold_place", Set.of("place"));
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return jdbc.queryForList("SELECT id, kind, reason, placed_at, ends_on, released_at FROM legal_hold WHERE subject_id = :s",
                new MapSqlParameterSource("s", subjectId));
    }

    /** An active hold is what keeps the records it covers: it stays (and out of the completeness check) while any of them does. */
    @Override
    public boolean keptWhileRecordsAreHeld() {
        return true;
    }

    /** The holds that ended (released, or past their end date by the engine's clock); their places go by cascade. */
    @Override
    public int erase(long subjectId) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        return jdbc.update("""
                DELETE FROM legal_hold WHERE subject_id = :s
                  AND (released_at IS NOT NULL OR (ends_on IS NOT NULL AND ends_on <= :today))""",
                new MapSqlParameterSource("s", subjectId).addValue("today", Date.valueOf(today)));
    }
}
