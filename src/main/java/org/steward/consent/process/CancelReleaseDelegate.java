package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.PromotionReleases;

/** Task_CancelRelease (CON-2, CON-4): PROMOTION was withdrawn or lapsed; nothing is released. */
@Component
class CancelReleaseDelegate implements JavaDelegate {

    private final PromotionReleases service;

    CancelReleaseDelegate(PromotionReleases service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.cancel(ConsentProcesses.caseId(execution, ConsentProcesses.RELEASE_CASE));
    }
}
