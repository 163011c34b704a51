package org.steward.privacy.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.privacy.ProcessingRestrictions;

/** DSR-8: the do-not-process flag (processing_restriction) and the one check every module asks. */
@Service
class Restrictions implements ProcessingRestrictions {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    Restrictions(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayProcess(long subjectId) {
        Integer flags = jdbc.queryForObject("SELECT COUNT(*) FROM processing_restriction WHERE subject_id = :subject AND lifted_at IS NULL",
                new MapSqlParameterSource("subject", subjectId), Integer.class);
        return flags == null || flags == 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> processable(Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        Set<Long> flagged = new HashSet<>(jdbc.queryForList("""
                SELECT DISTINCT subject_id FROM processing_restriction WHERE lifted_at IS NULL AND subject_id IN (:subjects)""",
                new MapSqlParameterSource("subjects", subjectIds), Long.class));
        return subjectIds.stream().filter(id -> !flagged.contains(id)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> flaggedSubjects() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT subject_id FROM processing_restriction WHERE lifted_at IS NULL",
                new MapSqlParameterSource(), Long.class));
    }

    /** DSR-8: the officer lifts the flag this request set (the dispute ended); false if none was open. */
    @Transactional
    public boolean lift(long requestId) {
        return jdbc.update("UPDATE processing_restriction SET lifted_at = :now WHERE request_id = :request AND lifted_at IS NULL",
                new MapSqlParameterSource("request", requestId).addValue("now", Timestamp.from(clock.instant()))) > 0;
    }

    /**
     * Flags the subject do-not-process for this request, once per request. {@code disputeRequestId} names the
     * rectification or objection the restriction waits for (DSR-8), or null when it lasts until lifted.
     */
    @Transactional
    public boolean flag(long subjectId, long requestId, RequestType reason, Long disputeRequestId) {
        Integer mine = jdbc.queryForObject("SELECT COUNT(*) FROM processing_restriction WHERE request_id = :request",
                new MapSqlParameterSource("request", requestId), Integer.class);
        if (mine != null && mine > 0) {
            return false;
        }
        jdbc.update("""
                INSERT INTO processing_restriction (subject_id, request_id, reason, flagged_at, dispute_request_id)
                VALUES (:subject, :request, :reason, :now, :dispute)""",
                new MapSqlParameterSource("subject", subjectId).addValue("request", requestId).addValue("reason", reason.name())
                        .addValue("now", Timestamp.from(clock.instant())).addValue("dispute", disputeRequestId));
        return true;
    }

    /** DSR-8: the dispute this request was has ended: the restrictions that waited for it are lifted. */
    @Transactional
    public int liftForDispute(long disputeRequestId) {
        return jdbc.update("UPDATE processing_restriction SET lifted_at = :now WHERE dispute_request_id = :dispute AND lifted_at IS NULL",
                new MapSqlParameterSource("dispute", disputeRequestId).addValue("now", Timestamp.from(clock.instant())));
    }
}
