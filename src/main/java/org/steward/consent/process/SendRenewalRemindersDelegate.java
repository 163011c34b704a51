package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.ConsentRenewals;

/** Task_SendRenewalReminders (CON-3): one chunk of reminders, 7 days before expiry, to those who have not renewed. */
@Component
class SendRenewalRemindersDelegate implements JavaDelegate {

    private final ConsentRenewals service;

    SendRenewalRemindersDelegate(ConsentRenewals service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendRenewalMail(ConsentProcesses.caseId(execution, ConsentProcesses.RENEWAL_CASE), ConsentProcesses.chunk(execution),
                ConsentRenewals.Step.REMINDER);
    }
}
