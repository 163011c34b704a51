package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.IntegrationTest;

/**
 * The Tasklist filters created at start-up (issue 8 item 4): "My group's tasks", "Due today" (due in
 * the next 24 hours) and "Overdue", each readable by every staff group and listing only the tasks of
 * the signed-in person's groups (AUD-1). Tasks here are standalone, removed after each test.
 */
class TaskFiltersTest extends IntegrationTest {

    @Autowired
    private FilterService filters;
    @Autowired
    private IdentityService identity;
    @Autowired
    private AuthorizationService authorizations;

    private final List<String> created = new java.util.ArrayList<>();

    @AfterEach
    void removeTasks() {
        identity.clearAuthentication();
        created.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void everyStaffGroup_mayReadTheThreeFilters() {
        for (String name : List.of(StaffDirectory.GROUP_TASKS_FILTER, StaffDirectory.DUE_TODAY_FILTER, StaffDirectory.OVERDUE_FILTER)) {
            Filter filter = filters.createFilterQuery().filterName(name).singleResult();
            assertThat(filter).as(name).isNotNull();
            for (String group : StaffGroups.ALL) {
                assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.READ, Resources.FILTER, filter.getId()))
                        .as("%s reads %s", group, name).isTrue();
            }
        }
    }

    @Test
    void dueToday_andOverdue_listTheGroupsTasksByDueDate() {
        String overdue = task(StaffGroups.PROGRAM_STAFF, Duration.ofHours(-2));
        String dueSoon = task(StaffGroups.PROGRAM_STAFF, Duration.ofHours(3));
        String dueNextWeek = task(StaffGroups.PROGRAM_STAFF, Duration.ofDays(7));
        String otherGroupsOverdue = task(StaffGroups.SECURITY_OFFICERS, Duration.ofHours(-2));
        String noDueDate = task(StaffGroups.PROGRAM_STAFF, null);

        identity.setAuthentication("peter", List.of(StaffGroups.PROGRAM_STAFF));

        assertThat(ids(StaffDirectory.OVERDUE_FILTER)).contains(overdue)
                .doesNotContain(dueSoon, dueNextWeek, otherGroupsOverdue, noDueDate);
        assertThat(ids(StaffDirectory.DUE_TODAY_FILTER)).contains(dueSoon)
                .doesNotContain(overdue, dueNextWeek, otherGroupsOverdue, noDueDate);
        assertThat(ids(StaffDirectory.GROUP_TASKS_FILTER)).contains(overdue, dueSoon, dueNextWeek, noDueDate)
                .doesNotContain(otherGroupsOverdue);
    }

    private List<String> ids(String filterName) {
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
    }

    private String task(String candidateGroup, Duration dueIn) {
        Task task = taskService.newTask();
        task.setName("Filter test task");
        if (dueIn != null) {
            task.setDueDate(Date.from(Instant.now().plus(dueIn)));
        }
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        created.add(task.getId());
        return task.getId();
    }
}
