package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.PromotionReleases;

/** Task_CloseUnansweredRelease (CON-4): 14 days without an answer; nothing is released. */
@Component
class CloseUnansweredReleaseDelegate implements JavaDelegate {

    private final PromotionReleases service;

    CloseUnansweredReleaseDelegate(PromotionReleases service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.closeUnanswered(ConsentProcesses.caseId(execution, ConsentProcesses.RELEASE_CASE));
    }
}
