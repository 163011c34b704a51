package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestActions;

/** Task_SendDownloadLink (DSR-9): a link expiring after 7 days, never an attachment. */
@Component
class SendDownloadLinkDelegate implements JavaDelegate {

    private final RequestActions service;

    SendDownloadLinkDelegate(RequestActions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendDownloadLink(DataSubjectRequestProcess.requestId(execution));
    }
}
