package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentRecords;
import org.steward.breach.ReportKind;
import org.steward.security.CurrentStaffUser;

/** On completing Task_ApproveMemberNotice (BRE-5, BRE-6): stores what members are told and who approved it. */
@Component
class RecordMemberNoticeListener implements TaskListener {

    private final IncidentRecords service;

    RecordMemberNoticeListener(IncidentRecords service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        long reportId = service.recordReport(TaskVariables.incidentId(task), ReportKind.MEMBER_NOTICE, 0,
                TaskVariables.takeReportFields(task, ReportKind.MEMBER_NOTICE), CurrentStaffUser.of(task));
        task.setVariable(BreachProcess.MEMBER_NOTICE_ID, reportId);
        TaskVariables.removeReportFields(task, ReportKind.MEMBER_NOTICE);
    }
}
