package org.steward.privacy.retention;

import org.steward.privacy.RetentionSettings;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.steward.privacy.deactivation.DeactivationProcess;
import org.steward.privacy.deactivation.DeactivationRecords;

/** What the retention timers read: the sweep's cycle, and a deactivated member's retention date (DSR-6, RET-1). */
@Component("retentionTimers")
public class RetentionTimers {

    private final RetentionSettings settings;
    private final DeactivationRecords records;

    public RetentionTimers(RetentionSettings settings, DeactivationRecords records) {
        this.settings = settings;
        this.records = records;
    }

    /** A Camunda cron expression, e.g. {@code 0 0 2 * * ?} for 02:00 every day. */
    public String getSweepCycle() {
        return settings.retentionSweepCycle();
    }

    /**
     * The date recorded when the member was deactivated, so the timer, the reactivation link and the sweep agree.
     * A deactivation closed meanwhile has nothing to wait for: now.
     */
    public Date retentionEnd(DelegateExecution execution) {
        return records.openFor(DeactivationProcess.memberId(execution))
                .map(open -> Date.from(open.retainUntil()))
                .orElseGet(ClockUtil::getCurrentTime);
    }
}
