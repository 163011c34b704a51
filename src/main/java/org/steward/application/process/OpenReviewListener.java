package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationDecisions;
import org.steward.application.ApplicationProcess;

/** Start of Task_ReviewApplication: the application is UNDER_REVIEW while the task is open (issue 7 finding 11). */
@Component
class OpenReviewListener implements ExecutionListener {

    private final ApplicationDecisions service;

    OpenReviewListener(ApplicationDecisions service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
        service.openReview(ApplicationProcess.applicationId(execution));
    }
}
