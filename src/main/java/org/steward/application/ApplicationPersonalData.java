package org.steward.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.links.LinkService;
import org.steward.mail.MailOutbox;
import org.steward.privacy.PersonalDataPlace;
import org.steward.subjects.DataSubjects;

/**
 * The register entry for applications and references (APP-1 to APP-5). Erasing an applicant deletes
 * their applications with the references and links that belong to them (the referees, who were there
 * only for the check, are forgotten too unless they are more to us: APP-4). Erasing a referee removes
 * them from every reference they were asked for, as their removal link would; a branch still waiting
 * for them ends.
 */
@Component
class ApplicationPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;
    private final LinkService links;
    private final MailOutbox outbox;
    private final DataSubjects subjects;
    private final RuntimeService runtimeService;
    private final Clock clock;

    ApplicationPersonalData(NamedParameterJdbcTemplate jdbc, LinkService links, MailOutbox outbox, DataSubjects subjects,
                            RuntimeService runtimeService, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.outbox = outbox;
        this.subjects = subjects;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "Membership applications and references";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("application", Set.of("decision_reason", "more_info_question", "more_info_answer"),
                "reference_check", Set.of("relationship", "comments"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("application", Set.of("status", "decision", "decided_by", "decision_category"),
                "reference_check", Set.of("status", "recommendation"));
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        MapSqlParameterSource subject = new MapSqlParameterSource("subject", subjectId);
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("""
                SELECT id, status, organisation_id, decision, decision_reason, decided_at, more_info_question,
                       more_info_answer, more_info_answered_at, member_id, submitted_at
                FROM application WHERE subject_id = :subject ORDER BY id""", subject));
        rows.addAll(jdbc.queryForList("""
                SELECT id, application_id, status, relationship, recommendation, known_for_years, comments, requested_at,
                       responded_at FROM reference_check WHERE referee_subject_id = :subject ORDER BY id""", subject));
        return rows;
    }

    @Override
    public Set<String> caseKeys(long subjectId) {
        Set<String> keys = new LinkedHashSet<>();
        applicationsOf(subjectId).forEach(id -> keys.add(ApplicationProcess.businessKey(id)));
        return keys;
    }

    /** Runs after the engine ended the applicant's cases: nothing waits on these rows any more. */
    @Override
    public int erase(long subjectId) {
        int rows = 0;
        for (long applicationId : applicationsOf(subjectId)) {
            rows += deleteApplication(applicationId);
        }
        return rows + removeAsReferee(subjectId);
    }

    private int deleteApplication(long applicationId) {
        MapSqlParameterSource application = new MapSqlParameterSource("application", applicationId);
        int rows = 0;
        List<Map<String, Object>> references = jdbc.queryForList(
                "SELECT id, referee_subject_id FROM reference_check WHERE application_id = :application", application);
        Set<Long> referees = new LinkedHashSet<>();
        for (Map<String, Object> reference : references) {
            long referenceId = ((Number) reference.get("id")).longValue();
            links.forget(ApplicationLinks.REFERENCE_FORM, referenceId);
            links.forget(ApplicationLinks.REFEREE_REMOVAL, referenceId);
            rows += outbox.forgetMailsAbout("reference:" + referenceId); // the referee's address outlived APP-4 there
            if (reference.get("referee_subject_id") != null) {
                referees.add(((Number) reference.get("referee_subject_id")).longValue());
            }
        }
        links.forget(ApplicationLinks.MORE_INFORMATION, applicationId);
        rows += outbox.forgetMailsAbout(Applications.subjectRef(applicationId));
        rows += jdbc.update("DELETE FROM reference_check WHERE application_id = :application", application)
                + jdbc.update("DELETE FROM application WHERE id = :application", application);
        referees.forEach(subjects::forgetIfUnused); // APP-4: a referee was there only for this check
        return rows;
    }

    /** As the referee's own removal link does (APP-4): no name, relationship, words or recommendation stay. */
    private int removeAsReferee(long subjectId) {
        MapSqlParameterSource subject = new MapSqlParameterSource("subject", subjectId)
                .addValue("now", Timestamp.from(clock.instant()));
        List<Map<String, Object>> awaited = jdbc.queryForList("""
                SELECT id, application_id FROM reference_check WHERE referee_subject_id = :subject AND status = 'REQUESTED'""",
                subject);
        List<Long> referenceIds = jdbc.queryForList("SELECT id FROM reference_check WHERE referee_subject_id = :subject",
                subject, Long.class);
        int rows = jdbc.update("""
                UPDATE reference_check SET referee_subject_id = NULL, relationship = NULL, comments = NULL,
                       recommendation = NULL, known_for_years = NULL,
                       status = CASE WHEN status = 'REQUESTED' THEN 'WITHDRAWN' ELSE status END,
                       reduced_at = COALESCE(reduced_at, :now), version = version + 1
                WHERE referee_subject_id = :subject""", subject);
        for (long referenceId : referenceIds) {
            links.forget(ApplicationLinks.REFERENCE_FORM, referenceId);
            links.forget(ApplicationLinks.REFEREE_REMOVAL, referenceId);
        }
        for (Map<String, Object> reference : awaited) {
            runtimeService.createMessageCorrelation(ApplicationProcess.MSG_REFEREE_DATA_REMOVED)
                    .processInstanceBusinessKey(ApplicationProcess.businessKey(((Number) reference.get("application_id")).longValue()))
                    .localVariableEquals(ApplicationProcess.REFERENCE_ID, ((Number) reference.get("id")).longValue())
                    .correlateAll();
        }
        return rows;
    }

    private List<Long> applicationsOf(long subjectId) {
        return jdbc.queryForList("SELECT id FROM application WHERE subject_id = :subject ORDER BY id",
                new MapSqlParameterSource("subject", subjectId), Long.class);
    }
}
