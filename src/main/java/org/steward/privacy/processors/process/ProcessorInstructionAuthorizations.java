package org.steward.privacy.processors.process;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.privacy.processors.ProcessorInstructionProcess;
import org.steward.security.StaffDirectory;
import org.steward.security.StaffGroups;

/** Privacy officers see the instruction process in Tasklist; its follow-up tasks reach them as candidates. */
@Component
class ProcessorInstructionAuthorizations {

    private final StaffDirectory staff;

    ProcessorInstructionAuthorizations(StaffDirectory staff) {
        this.staff = staff;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        staff.grant(StaffGroups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, ProcessorInstructionProcess.KEY, Permissions.READ);
    }
}
