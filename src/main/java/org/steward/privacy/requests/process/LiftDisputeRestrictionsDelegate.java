package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestActions;

/** Task_LiftDisputeRestrictions (DSR-8): restrictions that waited for this dispute are lifted. */
@Component
class LiftDisputeRestrictionsDelegate implements JavaDelegate {

    private final RequestActions service;

    LiftDisputeRestrictionsDelegate(RequestActions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.liftDisputeRestrictions(DataSubjectRequestProcess.requestId(execution));
    }
}
