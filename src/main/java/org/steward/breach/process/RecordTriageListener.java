package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentRecords;
import org.steward.security.CurrentStaffUser;

/** On completing Task_TriageIncident (BRE-1): a closure keeps its reason in the incident table, never in the process. */
@Component
class RecordTriageListener implements TaskListener {

    private final IncidentRecords service;

    RecordTriageListener(IncidentRecords service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        Object reason = task.getVariable(BreachProcess.TEXT_CLOSURE_REASON);
        boolean genuine = TaskVariables.flag(task, BreachProcess.GENUINE_INCIDENT);
        service.recordTriage(TaskVariables.incidentId(task), genuine, reason == null ? null : reason.toString(),
                CurrentStaffUser.of(task));
        task.setVariable(BreachProcess.GENUINE_INCIDENT, genuine);
        task.removeVariable(BreachProcess.TEXT_CLOSURE_REASON);
    }
}
