package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestActions;

/** Task_DeactivateMember (DSR-6): through the deactivation process. */
@Component
class DeactivateRequesterDelegate implements JavaDelegate {

    private final RequestActions service;

    DeactivateRequesterDelegate(RequestActions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.deactivate(DataSubjectRequestProcess.requestId(execution));
    }
}
