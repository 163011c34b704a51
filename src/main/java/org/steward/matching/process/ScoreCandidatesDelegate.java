package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_ScoreCandidates (MAT-1): the candidates are scored and kept, broken down by criterion. */
@Component
class ScoreCandidatesDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    ScoreCandidatesDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.scoreCandidates(MatchingProcesses.requestId(execution));
    }
}
