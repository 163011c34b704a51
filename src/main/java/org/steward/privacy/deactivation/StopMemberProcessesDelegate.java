package org.steward.privacy.deactivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.deactivation.DeactivationProcess;

/** Task_StopMemberProcesses (DSR-6): every other running process about the member ends. */
@Component
class StopMemberProcessesDelegate implements JavaDelegate {

    private final MemberProcesses service;

    StopMemberProcessesDelegate(MemberProcesses service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.stopAllBut(DeactivationProcess.memberId(execution), execution.getProcessInstanceId());
    }
}
