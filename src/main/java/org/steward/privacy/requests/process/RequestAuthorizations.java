package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.security.StaffDirectory;
import org.steward.security.StaffGroups;

/** Privacy officers see DataSubjectRequestProcess in Tasklist (AUD-1); its review tasks reach them as candidates. */
@Component
class RequestAuthorizations {

    private final StaffDirectory staff;

    RequestAuthorizations(StaffDirectory staff) {
        this.staff = staff;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        staff.grant(StaffGroups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, DataSubjectRequestProcess.KEY, Permissions.READ);
    }
}
