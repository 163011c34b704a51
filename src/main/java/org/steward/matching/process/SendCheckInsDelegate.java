package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_SendCheckIns (MAT-6): both sides are asked how it goes. */
@Component
class SendCheckInsDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    SendCheckInsDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        matches.sendCheckIns(MatchingProcesses.matchId(execution));
    }
}
