package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.Newsletters;

/** Task_QueueNewsletters (CON-5): one chunk of newsletters into the outbox, with one-click unsubscribe. */
@Component
class QueueNewslettersDelegate implements JavaDelegate {

    private final Newsletters service;

    QueueNewslettersDelegate(Newsletters service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.queue(ConsentProcesses.caseId(execution, ConsentProcesses.NEWSLETTER_CASE), ConsentProcesses.chunk(execution));
    }
}
