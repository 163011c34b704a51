package org.steward.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The production profile's first administrator (camunda.bpm.admin-user, STEWARD_ADMIN_USER), whom
 * Camunda puts in its camunda-admin group, is also a Steward administrator, so the staff API and pages
 * open to them (issue 7, finding 9). Idempotent; does nothing where no first administrator is configured.
 */
@Component
class FirstAdministrator {

    private final IdentityService identity;
    private final String adminUserId;

    FirstAdministrator(IdentityService identity, @Value("${camunda.bpm.admin-user.id:}") String adminUserId) {
        this.identity = identity;
        this.adminUserId = adminUserId.trim();
    }

    @EventListener
    @Order(5) // after StaffDirectory created the groups
    public void onEngineReady(ApplicationReadyEvent event) {
        if (adminUserId.isEmpty() || identity.createUserQuery().userId(adminUserId).count() == 0) {
            return;
        }
        if (identity.createUserQuery().userId(adminUserId).memberOfGroup(StaffGroups.ADMINS).count() == 0) {
            identity.createMembership(adminUserId, StaffGroups.ADMINS);
        }
    }
}
