package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.MemberNotices;

/** Task_QueueMemberNotices (BRE-5): one chunk of the approved member notice into the outbox, one job per chunk. */
@Component
class QueueMemberNoticesDelegate implements JavaDelegate {

    private final MemberNotices service;
    private final IncidentApprovals approvals;

    QueueMemberNoticesDelegate(MemberNotices service, IncidentApprovals approvals) {
        this.service = service;
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incident = BreachProcess.incidentId(execution);
        service.queueMemberNotices(incident, approvals.approvedReport(incident, IncidentApprovals.Kind.MEMBER_NOTICE, 0),
                ((Number) execution.getVariable(BreachProcess.MEMBER_CHUNK)).longValue());
    }
}
