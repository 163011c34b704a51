package org.steward.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.mail.OutboxRetention;

/**
 * The retention sweep's referee step (RET-1, APP-4): a decided application keeps no referee identity, not
 * even in the outbox. The process reduces referee data when it decides; this catches anything left (a
 * failed step, a decision made before this rule) and removes the referees' addresses from the mail log.
 */
@Service
public class RefereeDataRetention {

    private static final String REFERENCE_REF = "reference:";
    private static final int CHUNK = 500;

    private final ReferenceService references;
    private final OutboxRetention outbox;
    private final NamedParameterJdbcTemplate jdbc;

    RefereeDataRetention(ReferenceService references, OutboxRetention outbox, NamedParameterJdbcTemplate jdbc) {
        this.references = references;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** What one sweep did: applications whose references were reduced, mails whose referee address was removed. */
    public record Reduced(int applications, int mails) {
    }

    @Transactional
    public Reduced reduceDecidedApplications() {
        MapSqlParameterSource decided = decidedStatuses();
        List<Long> applications = jdbc.queryForList("""
                SELECT DISTINCT r.application_id FROM reference_check r JOIN application a ON a.id = r.application_id
                WHERE a.status IN (:decided)
                  AND (r.referee_subject_id IS NOT NULL OR r.relationship IS NOT NULL OR r.comments IS NOT NULL)
                ORDER BY r.application_id""", decided, Long.class);
        applications.forEach(references::reduceRefereeData);

        List<Long> addressed = outbox.subjectRefsStillAddressed(REFERENCE_REF).stream()
                .map(ref -> ref.substring(REFERENCE_REF.length()))
                .filter(id -> id.chars().allMatch(Character::isDigit) && !id.isEmpty())
                .map(Long::valueOf).toList();
        List<String> ofDecided = new ArrayList<>();
        for (int from = 0; from < addressed.size(); from += CHUNK) {
            List<Long> chunk = addressed.subList(from, Math.min(from + CHUNK, addressed.size()));
            jdbc.queryForList("""
                    SELECT r.id FROM reference_check r JOIN application a ON a.id = r.application_id
                    WHERE a.status IN (:decided) AND r.id IN (:ids)""",
                    new MapSqlParameterSource(decided.getValues()).addValue("ids", chunk), Long.class)
                    .forEach(id -> ofDecided.add(REFERENCE_REF + id));
        }
        return new Reduced(applications.size(), outbox.forgetRecipientsAbout(ofDecided));
    }

    private static MapSqlParameterSource decidedStatuses() {
        return new MapSqlParameterSource(Map.of("decided",
                List.of(Application.Status.APPROVED.name(), Application.Status.REJECTED.name())));
    }
}
