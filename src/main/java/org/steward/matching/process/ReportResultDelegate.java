package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_ReportResultToOrganisation (MAT-5): the program result, only with a current ORG_REPORTING consent. */
@Component
class ReportResultDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    ReportResultDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        matches.reportToOrganisation(MatchingProcesses.matchId(execution), "RESULT");
    }
}
