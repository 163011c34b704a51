package org.steward.privacy.retention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReduceRefereeData (RET-1, APP-4). */
@Component
class ReduceDecidedRefereeDataDelegate implements JavaDelegate {

    private final RetentionSweep sweep;

    ReduceDecidedRefereeDataDelegate(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var reduced = sweep.reduceRefereeData(execution.getProcessBusinessKey());
        execution.setVariable("applicationsReduced", reduced.applications());
        execution.setVariable("refereeMailsCleared", reduced.mails());
    }
}
