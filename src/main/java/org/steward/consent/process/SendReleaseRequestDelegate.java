package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.PromotionReleases;

/** Task_SendReleaseRequest (CON-4): the member is emailed what would be released, with a link to confirm or refuse. */
@Component
class SendReleaseRequestDelegate implements JavaDelegate {

    private final PromotionReleases service;

    SendReleaseRequestDelegate(PromotionReleases service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendRequest(ConsentProcesses.caseId(execution, ConsentProcesses.RELEASE_CASE));
    }
}
