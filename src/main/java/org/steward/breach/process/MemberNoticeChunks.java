package org.steward.breach.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.MemberNotices;

/** The collection Task_QueueMemberNotices runs over: one job per chunk of member ids (BRE-5). */
@Component("memberNoticeChunks")
public class MemberNoticeChunks {

    private final MemberNotices service;

    MemberNoticeChunks(MemberNotices service) {
        this.service = service;
    }

    public List<Long> of(DelegateExecution execution) {
        return service.memberNoticeChunks(BreachProcess.incidentId(execution));
    }
}
