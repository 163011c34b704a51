package org.steward.privacy.erasure;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Erasure in the Camunda engine (DSR-7), through its public API only: a person's cases (the process
 * instances whose business keys the register names) are ended, then removed from history with
 * everything history keeps about them — activity and task instances, variables and their byte arrays,
 * comments, identity links, job logs and incidents — and their user operation log entries.
 */
@Component
class EngineCases {

    static final String DELETE_REASON = "Erased (DSR-7)";

    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    EngineCases(RuntimeService runtimeService, HistoryService historyService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** @return how many process instances were removed */
    int forget(Collection<String> businessKeys) {
        int removed = 0;
        for (String businessKey : businessKeys) {
            List<String> running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                    .list().stream().map(ProcessInstance::getId).toList();
            if (!running.isEmpty()) {
                // Listeners run (a task's delete listener drops staged form input); input mappings do not.
                runtimeService.deleteProcessInstances(running, DELETE_REASON, false, true, false, true);
            }
            List<String> ended = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                    .list().stream().map(HistoricProcessInstance::getId).toList();
            for (String instance : ended) {
                historyService.createUserOperationLogQuery().processInstanceId(instance).list().stream()
                        .map(UserOperationLogEntry::getId).distinct()
                        .forEach(historyService::deleteUserOperationLogEntry);
            }
            if (!ended.isEmpty()) {
                historyService.deleteHistoricProcessInstancesIfExists(ended);
            }
            removed += ended.size();
        }
        return removed;
    }
}
