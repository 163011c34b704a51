package org.steward.application.process;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.security.StaffDirectory;
import org.steward.security.StaffGroups;

/** Program staff see the application process in Tasklist (AUD-1); the review task itself reaches them as candidates. */
@Component
class ApplicationAuthorizations {

    private final StaffDirectory staff;

    ApplicationAuthorizations(StaffDirectory staff) {
        this.staff = staff;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        staff.grant(StaffGroups.PROGRAM_STAFF, Resources.PROCESS_DEFINITION, ApplicationProcess.KEY, Permissions.READ);
    }
}
