package org.steward.breach.process;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.security.StaffDirectory;
import org.steward.security.StaffGroups;

/** Security officers see the breach process in Tasklist (AUD-1); its tasks reach them as candidates. */
@Component
class BreachAuthorizations {

    private final StaffDirectory staff;

    BreachAuthorizations(StaffDirectory staff) {
        this.staff = staff;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        staff.grant(StaffGroups.SECURITY_OFFICERS, Resources.PROCESS_DEFINITION, BreachProcess.KEY, Permissions.READ);
    }
}
