package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_IdentifyPerson (DSR-7): whether we know the person, and whether they get a confirmation. */
@Component
class IdentifyPersonDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    IdentifyPersonDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ErasureSteps.Identified identified = steps.identify(ErasureProcess.erasureId(execution));
        execution.setVariable(ErasureProcess.PERSON_KNOWN, identified.personKnown());
        execution.setVariable(ErasureProcess.CONFIRM_TO_PERSON, identified.confirmToPerson());
    }
}
