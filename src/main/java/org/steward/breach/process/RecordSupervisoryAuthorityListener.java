package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentRecords;
import org.steward.security.CurrentStaffUser;

/** On completing Task_RecordSupervisoryAuthorityDecision (BRE-6): notified, or why not; the note stays in the incident table. */
@Component
class RecordSupervisoryAuthorityListener implements TaskListener {

    private final IncidentRecords service;

    RecordSupervisoryAuthorityListener(IncidentRecords service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        Object note = task.getVariable(BreachProcess.TEXT_SUPERVISORY_AUTHORITY_NOTE);
        boolean notified = TaskVariables.flag(task, BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED);
        service.recordSupervisoryAuthority(TaskVariables.incidentId(task), notified, note == null ? null : note.toString(),
                CurrentStaffUser.of(task));
        task.setVariable(BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED, notified);
        task.removeVariable(BreachProcess.TEXT_SUPERVISORY_AUTHORITY_NOTE);
    }
}
