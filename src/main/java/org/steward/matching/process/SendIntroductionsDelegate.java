package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_SendIntroductions (MAT-4): each side gets the other's name, email and public profile link. */
@Component
class SendIntroductionsDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    SendIntroductionsDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        matches.sendIntroductions(MatchingProcesses.matchId(execution));
    }
}
