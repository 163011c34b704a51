package org.steward.privacy.retention;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * RET-2: history cleanup by removal time must actually be scheduled. The engine schedules its cleanup job at
 * start only when it finds the table ACT_RU_JOB by that upper-case name, which it does not on H2 with
 * DATABASE_TO_LOWER (the embedded default), so the job would never exist there. This makes sure it does, on
 * every database: one job, due at the start of the next batch window (01:00-05:00); the engine's history
 * cleanup lock keeps a cluster to one.
 */
@Component
class HistoryCleanupSchedule {

    private final HistoryService historyService;

    HistoryCleanupSchedule(HistoryService historyService) {
        this.historyService = historyService;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        if (historyService.findHistoryCleanupJobs().isEmpty()) {
            historyService.cleanUpHistoryAsync();
        }
    }
}
