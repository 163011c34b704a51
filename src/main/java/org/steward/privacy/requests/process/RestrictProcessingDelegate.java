package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestActions;

/** Task_RestrictProcessing (DSR-8): the do-not-process flag. */
@Component
class RestrictProcessingDelegate implements JavaDelegate {

    private final RequestActions service;

    RestrictProcessingDelegate(RequestActions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.restrict(DataSubjectRequestProcess.requestId(execution));
    }
}
