package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestActions;

/** Task_RequestErasure (DSR-7): through the erasure process, which confirms to the person. */
@Component
class RequestErasureDelegate implements JavaDelegate {

    private final RequestActions service;

    RequestErasureDelegate(RequestActions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.erase(DataSubjectRequestProcess.requestId(execution));
    }
}
