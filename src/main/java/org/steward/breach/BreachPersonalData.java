package org.steward.breach;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for security incidents (BRE-1 to BRE-6). The notice log names the security
 * contacts a notice went to: erasure clears the address and keeps kind, organisation, time and
 * approver, so BRE-6's record of what was sent when stays. Member notices are logged by member id
 * only. Incident texts are free text officers write: a person named there is found by the
 * completeness check and left to the privacy officers, who see where.
 */
@Component
class BreachPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;

    BreachPersonalData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "Security incidents: notice log and reports";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("incident", Set.of("summary", "closure_reason", "supervisory_authority_note"),
                "incident_report_part", Set.of("content"),
                "incident_notice", Set.of("recipient"));
    }

    /** Staff user ids (reported_by, written_by, approved_by), categories, kinds and outbox keys. */
    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("incident", Set.of("status", "data_categories", "reported_by", "closed_by"),
                "incident_report", Set.of("kind", "written_by"),
                "incident_report_part", Set.of("part"),
                "incident_notice", Set.of("kind", "outbox_key", "approved_by"),
                // BRE-6's append-only record: kinds, entries and the staff user ids who acted, no member data
                "incident_deadline", Set.of("kind", "entry", "recorded_by"),
                "incident_approval", Set.of("kind", "approved_by"));
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return jdbc.queryForList("""
                SELECT incident_id, kind, organisation_id, recipient, queued_at FROM incident_notice
                WHERE recipient_subject_id = :subject ORDER BY id""", new MapSqlParameterSource("subject", subjectId));
    }

    @Override
    public int erase(long subjectId) {
        return jdbc.update("UPDATE incident_notice SET recipient = '', recipient_subject_id = NULL WHERE recipient_subject_id = :subject",
                new MapSqlParameterSource("subject", subjectId));
    }

    @Override
    public int eraseAddress(String email) {
        return jdbc.update("UPDATE incident_notice SET recipient = '', recipient_subject_id = NULL WHERE recipient = :email",
                new MapSqlParameterSource("email", email));
    }
}
