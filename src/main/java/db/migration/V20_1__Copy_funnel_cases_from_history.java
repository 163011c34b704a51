package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once, after V20: the application cases the engine's history already holds are copied into the funnel table
 * (AUD-4), counted the way the funnel used to count them from history, so the report of an existing installation
 * keeps its past. A new database has no engine tables yet when Flyway runs, and nothing to copy.
 */
public class V20_1__Copy_funnel_cases_from_history extends BaseJavaMigration {

    private static final String COPY = """
            INSERT INTO application_funnel_case (process_instance_id, business_key, submitted_at, references_received,
                   references_expired, reviews_opened, more_information, outcome, ended_at, duration_ms)
            SELECT p.ID_, COALESCE(p.BUSINESS_KEY_, p.ID_), p.START_TIME_,
                   SUM(CASE WHEN a.ACT_ID_ = 'EndEvent_ReferenceReceived' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN a.ACT_ID_ = 'EndEvent_ReferenceExpired' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_ReviewApplication' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN a.ACT_ID_ = 'Task_RequestMoreInformation' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END),
                   CASE WHEN SUM(CASE WHEN a.ACT_ID_ = 'Task_AdmitMember' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) > 0 THEN 'APPROVED'
                        WHEN SUM(CASE WHEN a.ACT_ID_ = 'Task_SendRejection' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) > 0 THEN 'REJECTED'
                        WHEN SUM(CASE WHEN a.ACT_ID_ = 'Task_DiscardUnconfirmedApplication' AND a.END_TIME_ IS NOT NULL THEN 1 ELSE 0 END) > 0
                             THEN 'DISCARDED' END,
                   p.END_TIME_, p.DURATION_
            FROM ACT_HI_PROCINST p
            LEFT JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.ID_ AND a.ACT_ID_ IN ('EndEvent_ReferenceReceived',
                 'EndEvent_ReferenceExpired', 'Task_ReviewApplication', 'Task_RequestMoreInformation', 'Task_AdmitMember',
                 'Task_SendRejection', 'Task_DiscardUnconfirmedApplication')
            WHERE p.PROC_DEF_KEY_ = 'ApplicationApprovalProcess'
              AND NOT EXISTS (SELECT 1 FROM application_funnel_case f WHERE f.process_instance_id = p.ID_)
            GROUP BY p.ID_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_, p.DURATION_""";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!engineHistoryExists(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(COPY);
        }
    }

    private static boolean engineHistoryExists(Connection connection) throws SQLException {
        for (String name : new String[] {"ACT_HI_PROCINST", "act_hi_procinst"}) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
