package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_StartMatch (MAT-4): the mentor accepted; the match begins and MatchProcess starts. */
@Component
class StartMatchDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    StartMatchDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        matches.start(MatchingProcesses.requestId(execution));
    }
}
