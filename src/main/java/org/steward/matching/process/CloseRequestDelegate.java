package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_CloseRequest: staff found no mentor; the request ends unmatched. */
@Component
class CloseRequestDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    CloseRequestDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.closeUnmatched(MatchingProcesses.requestId(execution));
    }
}
