package org.steward.audit.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.util.Map;

import db.migration.V20_1__Copy_funnel_cases_from_history;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/**
 * Issue 13, AUD-4: an installation upgraded to the funnel table keeps its past. Cases that history holds and the
 * table does not (they ran before V20) are copied once, counted as the funnel used to count them from history.
 */
class CopyFunnelCasesFromHistoryTest extends IntegrationTest {

    @AfterEach
    void removeRows() {
        jdbc.update("DELETE FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ LIKE 'copy-%'");
        jdbc.update("DELETE FROM ACT_HI_PROCINST WHERE ID_ LIKE 'copy-%'");
        jdbc.update("DELETE FROM application_funnel_case WHERE process_instance_id LIKE 'copy-%'");
    }

    @Test
    void aDecidedAndAnOpenCaseFromHistory_areCopiedWithTheirCounts() throws Exception {
        historicCase("copy-1", "2025-03-01 10:00:00", "2025-03-03 13:30:00", 214_200_000L);
        activity("copy-1", "EndEvent_ReferenceReceived", true);
        activity("copy-1", "EndEvent_ReferenceExpired", true);
        activity("copy-1", "Task_ReviewApplication", true);
        activity("copy-1", "Task_RequestMoreInformation", true);
        activity("copy-1", "Task_ReviewApplication", true);
        activity("copy-1", "Task_SendRejection", true);
        historicCase("copy-2", "2025-03-02 09:00:00", null, null);
        activity("copy-2", "EndEvent_ReferenceReceived", true);
        activity("copy-2", "Task_ReviewApplication", false); // open: counted, as the review was opened

        try (Connection connection = jdbc.getDataSource().getConnection()) {
            Context context = mock(Context.class);
            when(context.getConnection()).thenReturn(connection);
            new V20_1__Copy_funnel_cases_from_history().migrate(context);
        }

        Map<String, Object> decided = row("copy-1");
        assertThat(decided).containsEntry("business_key", "application-copy-1").containsEntry("references_received", 1)
                .containsEntry("references_expired", 1).containsEntry("reviews_opened", 2).containsEntry("more_information", 1)
                .containsEntry("outcome", "REJECTED").containsEntry("duration_ms", 214_200_000L);
        assertThat(decided.get("ended_at")).isNotNull();
        Map<String, Object> open = row("copy-2");
        assertThat(open).containsEntry("references_received", 1).containsEntry("reviews_opened", 1)
                .containsEntry("outcome", null).containsEntry("ended_at", null);
    }

    private Map<String, Object> row(String id) {
        Map<String, Object> row = new java.util.HashMap<>();
        jdbc.queryForMap("SELECT * FROM application_funnel_case WHERE process_instance_id = ?", id)
                .forEach((k, v) -> row.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof Number n && !(v instanceof Long) ? n.intValue() : v));
        return row;
    }

    private void historicCase(String id, String start, String end, Long duration) {
        jdbc.update("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_,"
                + " DURATION_, ROOT_PROC_INST_ID_, STATE_) VALUES (?, ?, ?, 'ApplicationApprovalProcess', 'def', ?, ?, ?, ?, ?)",
                id, id, "application-" + id, java.sql.Timestamp.valueOf(start), end == null ? null : java.sql.Timestamp.valueOf(end),
                duration, id, end == null ? "ACTIVE" : "COMPLETED");
    }

    private int sequence;

    private void activity(String instance, String activity, boolean ended) {
        sequence++;
        jdbc.update("INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,"
                + " ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, ACT_INST_STATE_, SEQUENCE_COUNTER_)"
                + " VALUES (?, 'ApplicationApprovalProcess', 'def', ?, ?, ?, ?, 'task', CURRENT_TIMESTAMP, ?, 1, ?)",
                instance + "-" + sequence, instance, instance, instance, activity,
                ended ? new java.sql.Timestamp(System.currentTimeMillis()) : null, sequence);
    }
}
