package org.steward.privacy.erasure;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.privacy.holds.LegalHoldReleased;

/**
 * DSR-4: a hold released early wakes every erasure that keeps records under it (Msg_LegalHoldReleased), in
 * the release's transaction. An erasure not waiting at that moment (still verifying) finds the release when
 * it next looks, at the hold's end date or the re-check.
 */
@Component
class HeldRecordsRelease {

    private final ErasureRecords records;
    private final RuntimeService runtimeService;

    HeldRecordsRelease(ErasureRecords records, RuntimeService runtimeService) {
        this.records = records;
        this.runtimeService = runtimeService;
    }

    @EventListener
    void onRelease(LegalHoldReleased released) {
        for (long erasureId : records.waitingOn(released.holdId())) {
            runtimeService.createMessageCorrelation(ErasureProcess.MSG_LEGAL_HOLD_RELEASED)
                    .processInstanceBusinessKey(ErasureProcess.businessKey(erasureId))
                    .correlateAll();
        }
    }
}
