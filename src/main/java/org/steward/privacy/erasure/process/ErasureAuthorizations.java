package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.security.StaffDirectory;
import org.steward.security.StaffGroups;

/**
 * Privacy officers see ErasureProcess in Tasklist and may open its start form (AUD-1); the start
 * itself goes through Steward's API, which records the request first (ErasureStartGuard refuses any
 * other start). Residue tasks reach them as candidates.
 */
@Component
class ErasureAuthorizations {

    private final StaffDirectory staff;

    ErasureAuthorizations(StaffDirectory staff) {
        this.staff = staff;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        staff.grant(StaffGroups.PRIVACY_OFFICERS, Resources.PROCESS_DEFINITION, ErasureProcess.KEY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        staff.grant(StaffGroups.PRIVACY_OFFICERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
}
