package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_RecordUnsuccessfulAsk (MAT-3): a decline or silence is recorded and the next candidate lined up; sets nextCandidate. */
@Component
class RecordUnsuccessfulAskDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    RecordUnsuccessfulAskDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(MatchingProcesses.NEXT_CANDIDATE, requests.recordUnsuccessfulAndLineUpNext(MatchingProcesses.requestId(execution)));
    }
}
