package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.FriendInvitations;

/** Task_SendInvitation (CON-7): the friend's one email, with a link to remove their address. */
@Component
class SendFriendInvitationDelegate implements JavaDelegate {

    private final FriendInvitations service;

    SendFriendInvitationDelegate(FriendInvitations service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendInvitation(ConsentProcesses.caseId(execution, ConsentProcesses.INVITATION_CASE));
    }
}
