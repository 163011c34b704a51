package org.steward.matching.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.matching.Matches;
import org.steward.matching.MatchingProcesses;
import org.steward.matching.MatchRequests;

/** Task_AskMentor (MAT-3): the mentor is mailed the request without the entrepreneur's name or contact; sets mentorAsked. */
@Component
class AskMentorDelegate implements JavaDelegate {

    private final MatchRequests requests;
    private final Matches matches;

    AskMentorDelegate(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(MatchingProcesses.MENTOR_ASKED, requests.askMentor(MatchingProcesses.requestId(execution)));
    }
}
