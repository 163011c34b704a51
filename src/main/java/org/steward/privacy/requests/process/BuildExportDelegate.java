package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestActions;

/** Task_BuildExport (DSR-9): everything the register finds, as JSON and HTML. */
@Component
class BuildExportDelegate implements JavaDelegate {

    private final RequestActions service;

    BuildExportDelegate(RequestActions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.buildExport(DataSubjectRequestProcess.requestId(execution));
    }
}
