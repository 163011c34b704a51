package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.Newsletters;

/** Task_SelectNewsletterRecipients (CON-5): every member who may receive MARKETING now, fixed in chunks. */
@Component
class SelectNewsletterRecipientsDelegate implements JavaDelegate {

    private final Newsletters service;

    SelectNewsletterRecipientsDelegate(Newsletters service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.selectRecipients(ConsentProcesses.caseId(execution, ConsentProcesses.NEWSLETTER_CASE));
    }
}
