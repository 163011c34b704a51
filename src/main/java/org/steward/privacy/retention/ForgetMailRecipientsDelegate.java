package org.steward.privacy.retention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ForgetMailRecipients (RET-1). */
@Component
class ForgetMailRecipientsDelegate implements JavaDelegate {

    private final RetentionSweep sweep;

    ForgetMailRecipientsDelegate(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("mailsCleared", sweep.forgetMailRecipients(execution.getProcessBusinessKey()));
    }
}
