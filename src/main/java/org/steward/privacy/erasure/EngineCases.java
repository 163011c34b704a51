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

    /**
     * Ends the running process instances under these business keys (listeners run: a task's delete listener
     * drops staged form input; input mappings do not). Their history is written when the caller's
     * transaction commits, so it can only be removed in a later one ({@link #forget}).
     *
     * @return how many running instances were ended
     */
    int end(Collection<String> businessKeys) {
        int ended = 0;
        for (String businessKey : businessKeys) {
            List<String> running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                    .list().stream().map(ProcessInstance::getId).toList();
            if (!running.isEmpty()) {
                runtimeService.deleteProcessInstances(running, DELETE_REASON, false, true, false, true);
                ended += running.size();
            }
        }
        return ended;
    }

    /**
     * Removes the finished instances under these business keys from history, with their user operation log.
     * An instance still running here (started since {@link #end}) is ended now and left to the completeness
     * check, which then reports whatever of it would identify the person.
     *
     * @return how many process instances were removed from history
     */
    int forget(Collection<String> businessKeys) {
        end(businessKeys);
        int removed = 0;
        for (String businessKey : businessKeys) {
            List<String> finished = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                    .finished().list().stream().map(HistoricProcessInstance::getId).toList();
            for (String instance : finished) {
                historyService.createUserOperationLogQuery().processInstanceId(instance).list().stream()
                        .map(UserOperationLogEntry::getId).distinct()
                        .forEach(historyService::deleteUserOperationLogEntry);
            }
            if (!finished.isEmpty()) {
                historyService.deleteHistoricProcessInstancesIfExists(finished);
            }
            removed += finished.size();
        }
        return removed;
    }
}
