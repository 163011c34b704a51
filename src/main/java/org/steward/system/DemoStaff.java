package org.steward.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.steward.security.StaffGroups;

/**
 * Demo staff for the embedded default only (steward.demo-data.enabled): one user per group,
 * password "demo". Never enabled in the mysql profile.
 */
@Component
@ConditionalOnProperty(name = "steward.demo-data.enabled", havingValue = "true")
class DemoStaff {

    static final String PASSWORD = "demo";

    private final IdentityService identity;

    DemoStaff(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener
    @Order(10) // after StaffDirectory created the groups
    public void onEngineReady(ApplicationReadyEvent event) {
        ensureUser("peter", "Peter", "Program", StaffGroups.PROGRAM_STAFF);
        ensureUser("priya", "Priya", "Privacy", StaffGroups.PRIVACY_OFFICERS);
        ensureUser("sam", "Sam", "Security", StaffGroups.SECURITY_OFFICERS);
        ensureUser("audrey", "Audrey", "Auditor", StaffGroups.AUDITORS);
        ensureUser("ada", "Ada", "Admin", StaffGroups.ADMINS);
        ensureUser("otto", "Otto", "Operator", StaffGroups.OPERATORS); // issue 14: metrics and health details only
        // Camunda's webapps offer a first-run "create an administrator" page until someone is in
        // its built-in camunda-admin group; the demo admin is, so that page never appears here.
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId("ada").memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership("ada", Groups.CAMUNDA_ADMIN);
        }
    }

    private void ensureUser(String id, String first, String last, String groupId) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(id + "@steward.local");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, groupId);
    }
}
