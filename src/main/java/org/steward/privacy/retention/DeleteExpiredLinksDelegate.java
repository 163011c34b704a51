package org.steward.privacy.retention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DeleteExpiredLinks (RET-1). */
@Component
class DeleteExpiredLinksDelegate implements JavaDelegate {

    private final RetentionSweep sweep;

    DeleteExpiredLinksDelegate(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("linksDeleted", sweep.deleteExpiredLinks(execution.getProcessBusinessKey()));
    }
}
