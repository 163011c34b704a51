package org.steward.matching.process;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.matching.MatchingProcesses;
import org.steward.security.StaffDirectory;
import org.steward.security.StaffGroups;

/** Program staff see the matching processes (AUD-1). */
@Component
class MatchingAuthorizations {

    private final StaffDirectory staff;

    MatchingAuthorizations(StaffDirectory staff) {
        this.staff = staff;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        staff.grant(StaffGroups.PROGRAM_STAFF, Resources.PROCESS_DEFINITION, MatchingProcesses.REQUEST_KEY, Permissions.READ);
        staff.grant(StaffGroups.PROGRAM_STAFF, Resources.PROCESS_DEFINITION, MatchingProcesses.MATCH_KEY, Permissions.READ);
    }
}
