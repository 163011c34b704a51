package org.steward.consent.process;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.security.StaffDirectory;
import org.steward.security.StaffGroups;

/** Program staff see the newsletter and release processes, privacy officers the policy, renewal and invitation ones (AUD-1). */
@Component
class ConsentAuthorizations {

    private final StaffDirectory staff;

    ConsentAuthorizations(StaffDirectory staff) {
        this.staff = staff;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        staff.grant(StaffGroups.PROGRAM_STAFF, Resources.PROCESS_DEFINITION, ConsentProcesses.RELEASE_KEY, Permissions.READ);
        staff.grant(StaffGroups.PROGRAM_STAFF, Resources.PROCESS_DEFINITION, ConsentProcesses.NEWSLETTER_KEY, Permissions.READ);
        staff.grant(StaffGroups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, ConsentProcesses.POLICY_KEY, Permissions.READ);
        staff.grant(StaffGroups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, ConsentProcesses.RENEWAL_KEY, Permissions.READ);
        staff.grant(StaffGroups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, ConsentProcesses.INVITATION_KEY, Permissions.READ);
    }
}
