package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.FriendInvitations;

/** Task_ForgetFriendAddress (CON-7, RET-1): after 90 days the address goes; whether the friend joined stays. */
@Component
class ForgetFriendAddressDelegate implements JavaDelegate {

    private final FriendInvitations service;

    ForgetFriendAddressDelegate(FriendInvitations service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.forgetAfterRetention(ConsentProcesses.caseId(execution, ConsentProcesses.INVITATION_CASE));
    }
}
