package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentRecords;
import org.steward.security.CurrentStaffUser;

/** On completing Task_ApproveIsoNotice (BRE-6): who approved the notice. */
@Component
class RecordIsoNoticeApprovalListener implements TaskListener {

    private final IncidentRecords service;

    RecordIsoNoticeApprovalListener(IncidentRecords service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(BreachProcess.ISO_NOTICE_APPROVED_BY, CurrentStaffUser.of(task));
    }
}
