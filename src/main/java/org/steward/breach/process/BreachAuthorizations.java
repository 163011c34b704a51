package org.steward.breach.process;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.security.StaffDirectory;
import org.steward.security.StaffGroups;

/**
 * Security officers see the breach process in Tasklist (AUD-1), its tasks reach them as candidates, and
 * they find it in Tasklist's "Start process" list: its start form posts to /api/incidents, and the
 * engine's own start endpoints stay closed to them (EngineStartGuard).
 */
@Component
class BreachAuthorizations {

    private final StaffDirectory staff;
    private final AuthorizationService authorizations;

    BreachAuthorizations(StaffDirectory staff, AuthorizationService authorizations) {
        this.staff = staff;
        this.authorizations = authorizations;
    }

    @EventListener
    public void onEngineReady(ApplicationReadyEvent event) {
        ensure(Resources.PROCESS_DEFINITION, BreachProcess.KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
        ensure(Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    /** Grants the permissions, adding them to the group's authorization when one exists (databases from before). */
    private void ensure(Resources resource, String resourceId, Permissions... permissions) {
        staff.grant(StaffGroups.SECURITY_OFFICERS, resource, resourceId, permissions);
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(StaffGroups.SECURITY_OFFICERS)
                .resourceType(resource).resourceId(resourceId).singleResult();
        boolean changed = false;
        for (Permissions permission : permissions) {
            if (!existing.isPermissionGranted(permission)) {
                existing.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(existing);
        }
    }
}
