package org.steward.privacy.retention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DeleteExpiredExports (RET-1, DSR-9). */
@Component
class DeleteExpiredExportsDelegate implements JavaDelegate {

    private final RetentionSweep sweep;

    DeleteExpiredExportsDelegate(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("exportsDeleted", sweep.deleteExpiredExports(execution.getProcessBusinessKey()));
    }
}
