package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_ReportMatchToOrganisation (MAT-5): only with the entrepreneur's current ORG_REPORTING consent. */
@Component
class ReportMatchDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    ReportMatchDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        matches.reportToOrganisation(MatchingProcesses.matchId(execution), "STARTED");
    }
}
