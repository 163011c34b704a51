package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_EraseHeldRecords (DSR-4): what no hold keeps any more is erased; whether anything is still held. */
@Component
class EraseHeldRecordsDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    EraseHeldRecordsDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ErasureProcess.RECORDS_HELD, steps.eraseHeldRecords(ErasureProcess.erasureId(execution)));
    }
}
