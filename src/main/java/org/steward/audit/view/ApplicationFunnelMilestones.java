package org.steward.audit.view;

import java.sql.Timestamp;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves an application case on in the funnel table (AUD-4) as the approval process reaches each milestone:
 * called by execution listeners in bpmn/ApplicationApprovalProcess.bpmn
 * ({@code ${applicationFunnelMilestones.reached(execution, 'APPROVED')}}), inside the step's own transaction, so
 * the funnel never counts a step the engine rolled back. Times are the engine's clock, as history's are.
 * Public because the engine's expression language calls it by reflection.
 */
@Component
public class ApplicationFunnelMilestones {

    /** What the funnel counts; the names are the ones the BPMN passes. */
    enum Milestone { SUBMITTED, REFERENCE_RECEIVED, REFERENCE_EXPIRED, REVIEW_OPENED, MORE_INFORMATION_ASKED, APPROVED, REJECTED,
        DISCARDED, ENDED }

    private final JdbcTemplate jdbc;

    ApplicationFunnelMilestones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void reached(DelegateExecution execution, String milestone) {
        String instance = execution.getProcessInstanceId();
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        Milestone reached = Milestone.valueOf(milestone.toUpperCase(Locale.ROOT));
        switch (reached) {
            case SUBMITTED -> jdbc.update("INSERT INTO application_funnel_case (process_instance_id, business_key, submitted_at) "
                    + "VALUES (?, ?, ?)", instance, execution.getProcessBusinessKey(), now);
            case REFERENCE_RECEIVED -> add("references_received", instance);
            case REFERENCE_EXPIRED -> add("references_expired", instance);
            case REVIEW_OPENED -> add("reviews_opened", instance);
            case MORE_INFORMATION_ASKED -> add("more_information", instance);
            case APPROVED, REJECTED, DISCARDED -> jdbc.update("UPDATE application_funnel_case SET outcome = ? "
                    + "WHERE process_instance_id = ?", reached.name(), instance);
            case ENDED -> ended(instance, now);
        }
    }

    /** The case's end and, as history keeps it, its duration in milliseconds from submission. */
    private void ended(String instance, Timestamp now) {
        for (Timestamp submitted : jdbc.queryForList("SELECT submitted_at FROM application_funnel_case WHERE process_instance_id = ?",
                Timestamp.class, instance)) {
            jdbc.update("UPDATE application_funnel_case SET ended_at = ?, duration_ms = ? WHERE process_instance_id = ?",
                    now, now.getTime() - submitted.getTime(), instance);
        }
    }

    private void add(String column, String instance) {
        jdbc.update("UPDATE application_funnel_case SET " + column + " = " + column + " + 1 WHERE process_instance_id = ?", instance);
    }
}
