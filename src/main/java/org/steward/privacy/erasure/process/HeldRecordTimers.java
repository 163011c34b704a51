package org.steward.privacy.erasure.process;

import java.time.Instant;
import java.util.Date;
import java.util.function.LongFunction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** DSR-4: the date of TimerEvent_LegalHoldEnds, the end of the holds that keep the erasure's records (ErasureSteps.heldUntil). */
@Component("heldRecordTimers")
public class HeldRecordTimers {

    private final LongFunction<Instant> heldUntil;

    @Autowired
    HeldRecordTimers(ErasureSteps steps) {
        this(steps::heldUntil);
    }

    /** For process tests: any end date per erasure id. */
    public HeldRecordTimers(LongFunction<Instant> heldUntil) {
        this.heldUntil = heldUntil;
    }

    public Date until(DelegateExecution execution) {
        return Date.from(heldUntil.apply(ErasureProcess.erasureId(execution)));
    }
}
