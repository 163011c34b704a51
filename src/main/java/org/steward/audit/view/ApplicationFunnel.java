package org.steward.audit.view;

import java.time.Duration;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application funnel (AUD-4): each application case submitted in the period, how many references came in or
 * expired, whether it reached review, its outcome, how often more information was asked and how long it took.
 * Read from application_funnel_case, which the approval process moves on step by step
 * ({@link ApplicationFunnelMilestones}): one row per case, so a page over 100,000 cases reads 100,000 rows,
 * not the 1.2 million activity instances history holds for them.
 */
@Service
class ApplicationFunnel {

    static final List<String> HEADER = List.of("application", "submitted_at", "references_received", "references_expired",
            "references_complete", "more_information_asked", "outcome", "ended_at", "duration_hours");
    private static final int CHUNK = 1000;

    record Row(String businessKey, Instant submittedAt, int referencesReceived, int referencesExpired, boolean referencesComplete,
               int moreInformation, String outcome, Instant endedAt) {

        public Long durationHours() {
            return endedAt == null ? null : Duration.between(submittedAt, endedAt).toHours();
        }

        List<Object> fields() {
            return List.of(businessKey, submittedAt, referencesReceived, referencesExpired, referencesComplete, moreInformation, outcome,
                    endedAt == null ? "" : endedAt, durationHours() == null ? "" : durationHours());
        }
    }

    /** One chunk of cases in submission order after a (time, id) bookmark: one indexed range read per {@value #CHUNK} cases. */
    private static final String CASES_SQL = """
            SELECT process_instance_id AS id, business_key, submitted_at AS started, ended_at AS ended,
                   references_received AS received, references_expired AS expired, reviews_opened AS reviewed,
                   more_information AS more_info, outcome
            FROM application_funnel_case
            WHERE submitted_at >= :from AND submitted_at < :to
              AND (submitted_at > :afterTime OR (submitted_at = :afterTime AND process_instance_id > :afterId))
            ORDER BY submitted_at, process_instance_id LIMIT :limit""";

    /**
     * The page's summary in one query over the period's funnel rows. Hours to decision are whole hours of the case's
     * duration (end minus submission), as {@link Row#durationHours()}.
     */
    private static final String SUMMARY_SQL = """
            SELECT COUNT(*) AS submitted,
                   COALESCE(SUM(CASE WHEN reviews_opened > 0 THEN 1 ELSE 0 END), 0) AS references_complete,
                   COALESCE(SUM(CASE WHEN references_expired > 0 THEN 1 ELSE 0 END), 0) AS references_expired,
                   COALESCE(SUM(CASE WHEN more_information > 0 THEN 1 ELSE 0 END), 0) AS more_information,
                   COALESCE(SUM(CASE WHEN outcome = 'APPROVED' THEN 1 ELSE 0 END), 0) AS approved,
                   COALESCE(SUM(CASE WHEN outcome = 'REJECTED' THEN 1 ELSE 0 END), 0) AS rejected,
                   COALESCE(SUM(CASE WHEN outcome = 'DISCARDED' THEN 1 ELSE 0 END), 0) AS discarded,
                   COALESCE(SUM(CASE WHEN outcome IS NULL AND ended_at IS NULL THEN 1 ELSE 0 END), 0) AS still_open,
                   COALESCE(SUM(CASE WHEN outcome IN ('APPROVED', 'REJECTED') AND ended_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS decided,
                   COALESCE(SUM(CASE WHEN outcome IN ('APPROVED', 'REJECTED') AND ended_at IS NOT NULL
                                     THEN FLOOR(duration_ms / 3600000) ELSE 0 END), 0) AS decided_hours,
                   MAX(CASE WHEN outcome IN ('APPROVED', 'REJECTED') AND ended_at IS NOT NULL THEN FLOOR(duration_ms / 3600000) END)
                       AS longest_hours
            FROM application_funnel_case
            WHERE submitted_at >= :from AND submitted_at < :to""";

    private final NamedParameterJdbcTemplate jdbc;

    ApplicationFunnel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The funnel's counts over every case of the period, from one aggregate query. */
    @Transactional(readOnly = true)
    FunnelSummary summary(Period period) {
        return jdbc.queryForObject(SUMMARY_SQL, new MapSqlParameterSource()
                .addValue("from", Timestamp.from(period.start())).addValue("to", Timestamp.from(period.end())),
                (rs, n) -> FunnelSummary.of(rs.getLong("submitted"), rs.getLong("references_complete"),
                        rs.getLong("references_expired"), rs.getLong("more_information"), rs.getLong("approved"),
                        rs.getLong("rejected"), rs.getLong("discarded"), rs.getLong("still_open"), rs.getLong("decided"),
                        rs.getLong("decided_hours"), rs.getObject("longest_hours") == null ? 0 : rs.getLong("longest_hours")));
    }

    /** The period's first {@code limit} cases, oldest first, from one query. */
    @Transactional(readOnly = true)
    List<Row> firstRows(Period period, int limit) {
        List<Row> rows = new ArrayList<>();
        jdbc.query(CASES_SQL, parameters(period, Timestamp.from(period.start().minusMillis(1)), "", limit),
                rs -> {
                    rows.add(row(rs, rs.getTimestamp("started")));
                });
        return rows;
    }

    private static MapSqlParameterSource parameters(Period period, Timestamp afterTime, String afterId, int limit) {
        return new MapSqlParameterSource()
                .addValue("from", Timestamp.from(period.start())).addValue("to", Timestamp.from(period.end()))
                .addValue("afterTime", afterTime).addValue("afterId", afterId).addValue("limit", limit);
    }

    /** One case at a time, a chunk of cases per query: the whole history never sits in memory. */
    @Transactional(readOnly = true)
    void forEachRow(Period period, Consumer<Row> each) {
        Timestamp afterTime = Timestamp.from(period.start().minusMillis(1));
        String afterId = "";
        while (true) {
            List<Object[]> chunk = new ArrayList<>(CHUNK);
            jdbc.query(CASES_SQL, parameters(period, afterTime, afterId, CHUNK), rs -> {
                Timestamp started = rs.getTimestamp("started");
                chunk.add(new Object[] {rs.getString("id"), started, row(rs, started)});
            });
            for (Object[] entry : chunk) {
                each.accept((Row) entry[2]);
            }
            if (chunk.size() < CHUNK) {
                return;
            }
            Object[] last = chunk.get(chunk.size() - 1);
            afterId = (String) last[0];
            afterTime = (Timestamp) last[1];
        }
    }

    private static Row row(ResultSet rs, Timestamp started) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended");
        String outcome = rs.getString("outcome") != null ? rs.getString("outcome") : ended == null ? "OPEN" : "ENDED";
        return new Row(rs.getString("business_key"), started.toInstant(), rs.getInt("received"), rs.getInt("expired"),
                rs.getInt("reviewed") > 0, rs.getInt("more_info"), outcome, ended == null ? null : ended.toInstant());
    }
}
