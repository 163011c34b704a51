package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_AskForFeedback (MAT-6): the match is closed; both sides are asked for feedback. */
@Component
class AskForFeedbackDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    AskForFeedbackDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        matches.askForFeedback(MatchingProcesses.matchId(execution));
    }
}
