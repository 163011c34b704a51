package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.MemberNotices;

/** Task_QueueMemberNotices (BRE-5): one chunk of member notices into the outbox, one job per chunk. */
@Component
class QueueMemberNoticesDelegate implements JavaDelegate {

    private final MemberNotices service;

    QueueMemberNoticesDelegate(MemberNotices service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.queueMemberNotices(TaskVariables.incidentId(execution),
                TaskVariables.longValue(execution, BreachProcess.MEMBER_NOTICE_ID),
                TaskVariables.longValue(execution, BreachProcess.MEMBER_CHUNK));
    }
}
