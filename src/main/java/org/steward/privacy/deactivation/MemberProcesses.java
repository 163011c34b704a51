package org.steward.privacy.deactivation;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.privacy.deactivation.DeactivationProcess;

/**
 * DSR-6 "stops all processing": every running process about one member carries the business key
 * {@code member-<id>} (tasks.CaseKey), so deactivation finds and ends them all, whatever capability started them.
 */
@Component
public class MemberProcesses {

    private final RuntimeService runtimeService;

    MemberProcesses(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Ends every running process about the member except {@code keepProcessInstanceId}; returns how many. */
    @Transactional
    public int stopAllBut(long memberId, String keepProcessInstanceId) {
        int stopped = 0;
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(DeactivationProcess.businessKey(memberId)).list()) {
            if (!instance.getId().equals(keepProcessInstanceId) && instance.getId().equals(instance.getRootProcessInstanceId())) {
                runtimeService.deleteProcessInstance(instance.getId(), "Member deactivated (DSR-6)", false, true);
                stopped++;
            }
        }
        return stopped;
    }

    /** Ends the member's waiting deactivation process, if any: the retention sweep anonymised them first. */
    @Transactional
    public void endDeactivation(long memberId, String reason) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(DeactivationProcess.KEY)
                .processInstanceBusinessKey(DeactivationProcess.businessKey(memberId)).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), reason, false, true));
    }
}
