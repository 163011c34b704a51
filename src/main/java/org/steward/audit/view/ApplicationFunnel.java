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
 * The application funnel (AUD-4) from the engine's history alone: each application case started in the
 * period, how many references came in or expired, whether it reached review, its outcome, how often more
 * information was asked and how long it took. The activity ids are the approval process model's (bpmn/).
 */
@Service
class ApplicationFunnel {

    static final String PROCESS = "ApplicationApprovalProcess";
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

    /**
     * One chunk of cases in start order after a (start time, id) bookmark, each with its activities counted by the
     * database: one query per {@value #CHUNK} cases instead of one per case. Reads the engine's history tables
     * directly because the HistoryService has no grouped query; only ids, keys and times, never a variable.
     */
    private static final String CASES_SQL = """
            SELECT p.ID_ AS id, p.BUSINESS_KEY_ AS business_key, p.START_TIME_ AS started, p.END_TIME_ AS ended,
                   SUM(CASE WHEN a.ACT_ID_ = 'EndEvent_ReferenceReceived' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS received,
                   SUM(CASE WHEN a.ACT_ID_ = 'EndEvent_ReferenceExpired' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS expired,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_ReviewApplication' THEN 1 ELSE 0 END) AS reviewed,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_RequestMoreInformation' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS more_info,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_AdmitMember' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS admitted,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_SendRejection' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS rejected,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_DiscardUnconfirmedApplication' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS discarded
            FROM (SELECT ID_, BUSINESS_KEY_, START_TIME_, END_TIME_ FROM ACT_HI_PROCINST
                  WHERE PROC_DEF_KEY_ = :process AND START_TIME_ >= :from AND START_TIME_ < :to
                    AND (START_TIME_ > :afterTime OR (START_TIME_ = :afterTime AND ID_ > :afterId))
                  ORDER BY START_TIME_, ID_ LIMIT :limit) p
            LEFT JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.ID_ AND a.ACT_ID_ IN ('EndEvent_ReferenceReceived',
                 'EndEvent_ReferenceExpired', 'Task_ReviewApplication', 'Task_RequestMoreInformation', 'Task_AdmitMember',
                 'Task_SendRejection', 'Task_DiscardUnconfirmedApplication')
            GROUP BY p.ID_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_
            ORDER BY p.START_TIME_, p.ID_""";

    /** The activities the funnel counts, per case, as the database adds them up (also the summary's inner query). */
    private static final String COUNTS = """
                   SUM(CASE WHEN a.ACT_ID_ = 'EndEvent_ReferenceExpired' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS expired,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_ReviewApplication' THEN 1 ELSE 0 END) AS reviewed,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_RequestMoreInformation' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS more_info,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_AdmitMember' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS admitted,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_SendRejection' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS rejected,
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_DiscardUnconfirmedApplication' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) AS discarded""";

    /**
     * The page's summary in one query: every case of the period counted by the database, nothing per case in Java.
     * Hours to decision are whole hours of the engine's own duration (end minus start), as {@link Row#durationHours()}.
     */
    private static final String SUMMARY_SQL = """
            SELECT COUNT(*) AS submitted,
                   COALESCE(SUM(CASE WHEN reviewed > 0 THEN 1 ELSE 0 END), 0) AS references_complete,
                   COALESCE(SUM(CASE WHEN expired > 0 THEN 1 ELSE 0 END), 0) AS references_expired,
                   COALESCE(SUM(CASE WHEN more_info > 0 THEN 1 ELSE 0 END), 0) AS more_information,
                   COALESCE(SUM(CASE WHEN admitted > 0 THEN 1 ELSE 0 END), 0) AS approved,
                   COALESCE(SUM(CASE WHEN admitted = 0 AND rejected > 0 THEN 1 ELSE 0 END), 0) AS rejected,
                   COALESCE(SUM(CASE WHEN admitted = 0 AND rejected = 0 AND discarded > 0 THEN 1 ELSE 0 END), 0) AS discarded,
                   COALESCE(SUM(CASE WHEN admitted = 0 AND rejected = 0 AND discarded = 0 AND ended IS NULL THEN 1 ELSE 0 END), 0) AS still_open,
                   COALESCE(SUM(CASE WHEN (admitted > 0 OR rejected > 0) AND ended IS NOT NULL THEN 1 ELSE 0 END), 0) AS decided,
                   COALESCE(SUM(CASE WHEN (admitted > 0 OR rejected > 0) AND ended IS NOT NULL THEN hours ELSE 0 END), 0) AS decided_hours,
                   MAX(CASE WHEN (admitted > 0 OR rejected > 0) AND ended IS NOT NULL THEN hours END) AS longest_hours
            FROM (SELECT p.ID_, p.END_TIME_ AS ended, FLOOR(p.DURATION_ / 3600000) AS hours,
            """ + COUNTS + """

                  FROM ACT_HI_PROCINST p
                  LEFT JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.ID_ AND a.ACT_ID_ IN ('EndEvent_ReferenceExpired',
                       'Task_ReviewApplication', 'Task_RequestMoreInformation', 'Task_AdmitMember', 'Task_SendRejection',
                       'Task_DiscardUnconfirmedApplication')
                  WHERE p.PROC_DEF_KEY_ = :process AND p.START_TIME_ >= :from AND p.START_TIME_ < :to
                  GROUP BY p.ID_, p.END_TIME_, p.DURATION_) c""";

    private final NamedParameterJdbcTemplate jdbc;

    ApplicationFunnel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The funnel's counts over every case of the period, from one aggregate query. */
    @Transactional(readOnly = true)
    FunnelSummary summary(Period period) {
        return jdbc.queryForObject(SUMMARY_SQL, new MapSqlParameterSource("process", PROCESS)
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
        return new MapSqlParameterSource("process", PROCESS)
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
        String outcome = rs.getInt("admitted") > 0 ? "APPROVED"
                : rs.getInt("rejected") > 0 ? "REJECTED"
                : rs.getInt("discarded") > 0 ? "DISCARDED"
                : ended == null ? "OPEN" : "ENDED";
        return new Row(rs.getString("business_key"), started.toInstant(), rs.getInt("received"), rs.getInt("expired"),
                rs.getInt("reviewed") > 0, rs.getInt("more_info"), outcome, ended == null ? null : ended.toInstant());
    }
}
