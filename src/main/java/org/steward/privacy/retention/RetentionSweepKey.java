package org.steward.privacy.retention;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.steward.tasks.CaseKey;

/** Names each sweep by its day (server time, like the cycle), {@code retention-20260302}, so Cockpit and the audit trail find a day's run. */
@Component("retentionSweepKey")
class RetentionSweepKey implements ExecutionListener {

    static final String CASE = "retention";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getProcessBusinessKey() == null) {
            String day = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().format(DAY);
            execution.setProcessBusinessKey(CaseKey.of(CASE, Long.parseLong(day)));
        }
    }
}
