package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.ReferenceService;

/** Task_ReduceRefereeData (APP-4). */
@Component
class ReduceRefereeDataDelegate implements JavaDelegate {

    private final ReferenceService service;

    ReduceRefereeDataDelegate(ReferenceService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.reduceRefereeData(ApplicationProcess.applicationId(execution));
    }
}
