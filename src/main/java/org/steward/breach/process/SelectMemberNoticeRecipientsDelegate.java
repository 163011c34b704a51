package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.MemberNotices;

/** Task_SelectMemberNoticeRecipients (BRE-5): fixes who is told, in chunks of member ids. */
@Component
class SelectMemberNoticeRecipientsDelegate implements JavaDelegate {

    private final MemberNotices service;

    SelectMemberNoticeRecipientsDelegate(MemberNotices service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.selectMemberNoticeRecipients(BreachProcess.incidentId(execution));
    }
}
