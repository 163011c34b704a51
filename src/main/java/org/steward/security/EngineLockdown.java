package org.steward.security;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, takes back grants that make an account a shell (issue 7, finding 4), whoever made
 * them (Camunda's first-administrator setup grants everything; so did earlier Steward versions):
 * nobody holds CREATE on DEPLOYMENT, and only administrators hold CREATE on FILTER (a stored filter's
 * query evaluates expressions). {@link EngineApiGuard} enforces the same for administrators, who
 * bypass authorizations.
 */
@Component
class EngineLockdown {

    private static final Logger log = LoggerFactory.getLogger(EngineLockdown.class);
    private static final Set<String> FILTER_CREATORS = Set.of(StaffGroups.ADMINS, Groups.CAMUNDA_ADMIN);

    private final AuthorizationService authorizations;

    EngineLockdown(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener
    @Order(50) // after StaffDirectory, DemoStaff and FirstAdministrator
    public void onEngineReady(ApplicationReadyEvent event) {
        for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
                .hasPermission(Permissions.CREATE).list()) {
            revokeCreate(grant);
        }
        for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .hasPermission(Permissions.CREATE).list()) {
            if (!FILTER_CREATORS.contains(grant.getGroupId())) {
                revokeCreate(grant);
            }
        }
    }

    private void revokeCreate(Authorization grant) {
        if (grant.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
            return;
        }
        grant.removePermission(Permissions.CREATE);
        authorizations.saveAuthorization(grant);
        log.info("Took back CREATE on {} {} from {}", resourceName(grant), grant.getResourceId(),
                grant.getGroupId() != null ? "group " + grant.getGroupId() : "user " + grant.getUserId());
    }

    private static String resourceName(Authorization grant) {
        for (Resources resource : Resources.values()) {
            if (resource.resourceType() == grant.getResourceType()) {
                return resource.resourceName();
            }
        }
        return String.valueOf(grant.getResourceType());
    }
}
