package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.Admission;

/** Task_AdmitMember (APP-6). */
@Component
class AdmitMemberDelegate implements JavaDelegate {

    private final Admission service;

    AdmitMemberDelegate(Admission service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.admitMember(ApplicationProcess.applicationId(execution));
    }
}
