package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/**
 * On StartEvent_ErasureRequested: an ErasureProcess carries out one request recorded by Steward's API
 * (POST /api/erasures, the Tasklist start form, under-age, retention), never a bare engine start.
 */
@Component("erasureStartGuard")
class ErasureStartGuard implements ExecutionListener {

    private final ErasureSteps steps;

    ErasureStartGuard(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long erasureId;
        try {
            erasureId = ErasureProcess.erasureId(execution);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        if (!steps.claim(erasureId, execution.getProcessInstanceId())) {
            throw refused();
        }
    }

    private static BadUserRequestException refused() {
        return new BadUserRequestException("Start an erasure through Steward (POST /api/erasures or the Tasklist start form).");
    }
}
