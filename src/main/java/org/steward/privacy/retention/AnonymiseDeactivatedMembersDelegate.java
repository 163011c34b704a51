package org.steward.privacy.retention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AnonymiseDeactivatedMembers (RET-1, DSR-6). */
@Component
class AnonymiseDeactivatedMembersDelegate implements JavaDelegate {

    private final RetentionSweep sweep;

    AnonymiseDeactivatedMembersDelegate(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("membersAnonymised", sweep.anonymiseDeactivatedMembers(execution.getProcessBusinessKey()));
    }
}
