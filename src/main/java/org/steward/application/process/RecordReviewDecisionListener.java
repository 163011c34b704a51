package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.ApplicationDecisions;
import org.steward.security.CurrentStaffUser;
import org.steward.system.SensitiveVariables;

/**
 * On completing Task_ReviewApplication (APP-5): stores the decision and its free-text reason with
 * the application, then removes the reason from the process. Only the decision flag stays a variable.
 */
@Component
class RecordReviewDecisionListener implements TaskListener {

    private final ApplicationDecisions applications;

    RecordReviewDecisionListener(ApplicationDecisions applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        long applicationId = ((Number) task.getVariable(ApplicationProcess.APPLICATION_ID)).longValue();
        String decision = (String) task.getVariable(ApplicationProcess.DECISION);
        Object reason = task.getVariable(SensitiveVariables.DECISION_REASON);
        applications.recordDecision(applicationId, decision, reason == null ? null : reason.toString(), CurrentStaffUser.of(task));
        task.removeVariable(SensitiveVariables.DECISION_REASON);
    }
}
