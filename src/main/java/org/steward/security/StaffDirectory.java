package org.steward.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The staff groups and what each may see (AUD-1), created at start-up in every environment and
 * left alone when present. Users come from the identity service (demo users only in the embedded
 * profile). Tasks reach a group through its candidate-group assignment in the BPMN; each capability
 * grants its groups the process definitions their work needs through {@link #grant}.
 */
@Component
public class StaffDirectory {

    static final String GROUP_TASKS_FILTER = "My group's tasks";
    static final String DUE_TODAY_FILTER = "Due today";
    static final String OVERDUE_FILTER = "Overdue";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    StaffDirectory(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener
    @Order(0)
    public void onEngineReady(ApplicationReadyEvent event) {
        Map.of(StaffGroups.PROGRAM_STAFF, "Program staff",
                StaffGroups.PRIVACY_OFFICERS, "Privacy officers",
                StaffGroups.SECURITY_OFFICERS, "Security officers",
                StaffGroups.AUDITORS, "Auditors",
                StaffGroups.ADMINS, "Administrators",
                StaffGroups.OPERATORS, "Operators").forEach(this::ensureGroup);

        for (String group : new String[] {StaffGroups.PROGRAM_STAFF, StaffGroups.PRIVACY_OFFICERS, StaffGroups.SECURITY_OFFICERS}) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }

        // Auditors read every case's history in Cockpit, and change nothing (AUD-2).
        grant(StaffGroups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(StaffGroups.AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(StaffGroups.AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(StaffGroups.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);

        // Administrators hold every permission, as Camunda's built-in camunda-admin group does, except
        // creating deployments: processes ship inside the application (issue 7, finding 4).
        for (Resources resource : Resources.values()) {
            if (resource != Resources.DEPLOYMENT) {
                grant(StaffGroups.ADMINS, resource, "*", Permissions.ALL);
            }
        }
        grant(StaffGroups.ADMINS, Resources.DEPLOYMENT, "*", Permissions.READ, Permissions.DELETE);

        ensureGroupTasksFilter();
        ensureDueFilters();
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** Grants a group permissions on a resource, unless an authorization for it already exists. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (present) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    /** One Tasklist filter for everyone: the tasks of the groups the signed-in user belongs to. */
    private void ensureGroupTasksFilter() {
        Filter filter = filters.createFilterQuery().filterName(GROUP_TASKS_FILTER).singleResult();
        if (filter == null) {
            TaskQuery query = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks();
            filter = filters.newTaskFilter(GROUP_TASKS_FILTER)
                    .setQuery(query)
                    .setProperties(Map.of("description", "Tasks for my groups", "priority", -10, "refresh", true));
            filters.saveFilter(filter);
        }
        for (String group : StaffGroups.ALL) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    /**
     * "Due today" (due within the next 24 hours, not yet overdue) and "Overdue": the group's tasks by
     * due date (issue 8 item 4). The expressions are evaluated each time Tasklist runs the filter.
     */
    private void ensureDueFilters() {
        ensureTaskFilter(DUE_TODAY_FILTER, "My groups' tasks due in the next 24 hours", -9,
                groupTasks().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(1).toDate()}"));
        ensureTaskFilter(OVERDUE_FILTER, "My groups' tasks past their due date", -8,
                groupTasks().dueBeforeExpression("${now()}"));
    }

    private TaskQuery groupTasks() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    private void ensureTaskFilter(String name, String description, int priority, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(query)
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
            filters.saveFilter(filter);
        }
        for (String group : StaffGroups.ALL) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
