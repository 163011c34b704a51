package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestSteps;

/** Task_RecordDeadline (DSR-3): deadline met or missed, appended to our own record, never a writable variable. */
@Component
class RecordRequestDeadlineDelegate implements JavaDelegate {

    private final RequestSteps service;

    RecordRequestDeadlineDelegate(RequestSteps service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.recordDeadline(DataSubjectRequestProcess.requestId(execution));
    }
}
