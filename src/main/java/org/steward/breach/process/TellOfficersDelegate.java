package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentNotices;

/** The escalation tasks (BRE-2, BRE-3, BRE-4, BRE-6): mails every security officer; the task's input "escalation" says why. */
@Component
class TellOfficersDelegate implements JavaDelegate {

    private final IncidentNotices service;

    TellOfficersDelegate(IncidentNotices service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object cycle = execution.getVariable(BreachProcess.STATUS_REPORT_CYCLE);
        service.tellOfficers(TaskVariables.incidentId(execution),
                BreachProcess.Escalation.valueOf((String) execution.getVariable(BreachProcess.ESCALATION)),
                cycle == null ? 0 : ((Number) cycle).intValue());
    }
}
