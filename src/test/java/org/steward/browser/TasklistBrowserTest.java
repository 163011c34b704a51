package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.application.ApplicationProcess;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.TasklistPage;

/**
 * Tasklist in a real browser, through the page objects later Tasklist tests build on: program staff
 * find the review task in their group's filter, claim it, and the embedded form loads the
 * application from Steward's staff API (APP-5). The filters of issue 8 item 4 are offered.
 */
class TasklistBrowserTest extends BrowserTest {

    @Test
    void programStaff_claimTheReviewTask_andTheFormShowsTheApplication() {
        String applicant = uniqueEmail("applicant");
        Task review = reviewTaskFor(applicant);

        signIn("peter");
        TasklistPage tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        assertThat(tasklist.filterNames()).containsSubsequence("My group's tasks", "Due today", "Overdue");

        tasklist.openFilter("My group's tasks").openTaskWithId(review.getId());
        assertThat(tasklist.openTaskName()).startsWith("Review application");
        assertThat(tasklist.isClaimable()).isTrue();

        tasklist.claim();
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo("peter");

        tasklist.waitForFormText(applicant);
        assertThat(tasklist.formText()).contains("Mentor application", "Ana Lima", "References", "Former colleague");
    }

    /** APP-5 through Tasklist: the decision and reason go to Steward's API; only the decision reaches the engine. */
    @Test
    void programStaff_approveInTheForm_andTasklistDropsTheTask() {
        String applicant = uniqueEmail("applicant");
        Task review = reviewTaskFor(applicant);

        signIn("peter");
        TasklistPage tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        tasklist.openFilter("My group's tasks").openTaskWithId(review.getId()).claim().waitForFormText(applicant);
        tasklist.chooseInForm("decision", "APPROVE").complete();

        tasklist.waitForTaskWithIdGone(review.getId());
        assertThat(tasklist.errorNotifications()).isEmpty();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getEndTime()).isNotNull();
        runDueJobs();
        assertThat(applicationStatus(review)).isEqualTo("APPROVED");
    }

    /**
     * Issue 8: a rejection without a reason is stopped in the form with a message (no alert(), nothing
     * completed); a reason the server refuses comes back as a message next to its field, never the
     * engine's 500 banner; a proper reason completes the task.
     */
    @Test
    void programStaff_rejectWithoutReason_isStoppedInTheForm_thenRejectWithAReason() {
        String applicant = uniqueEmail("applicant");
        Task review = reviewTaskFor(applicant);

        signIn("peter");
        TasklistPage tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        tasklist.openFilter("My group's tasks").openTaskWithId(review.getId()).claim().waitForFormText(applicant);
        tasklist.chooseInForm("decision", "REJECT").complete();
        assertThat(tasklist.waitForFieldErrors()).anyMatch(e -> e.contains("Write the reason: the applicant will receive it."));
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

        // Passes the form's own check, refused by Steward (a direction-changing character): shown in the form.
        tasklist.typeInForm("steward-reason", "Not yet \u202Eeligible").complete();
        assertThat(tasklist.waitForFieldErrors()).anyMatch(e -> e.contains("plain text"));
        assertThat(tasklist.errorNotifications()).noneMatch(n -> n.contains("ENGINE-"));
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

        tasklist.typeInForm("steward-reason", "Not enough mentoring experience yet.").complete();
        tasklist.waitForTaskWithIdGone(review.getId());
        runDueJobs();
        assertThat(applicationStatus(review)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("SELECT decision_reason FROM application WHERE id = ?", String.class, applicationId(review)))
                .isEqualTo("Not enough mentoring experience yet.");
        assertNotInHistory("Not enough mentoring experience");
    }

    private long applicationId(Task task) {
        String key = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult() == null
                ? historyService.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()
                : runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        return org.steward.tasks.CaseKey.idOf(key, ApplicationProcess.CASE);
    }

    private String applicationStatus(Task task) {
        return jdbc.queryForObject("SELECT status FROM application WHERE id = ?", String.class, applicationId(task));
    }

    /** An application whose referee has answered, so its review task is waiting for program staff. */
    private Task reviewTaskFor(String applicant) {
        String referee = uniqueEmail("referee");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).isEqualTo(201);
        runDueJobs();
        confirmAddress(applicant); // issue 7 finding 6: referees are asked only after
        String referenceLink = link(deliverMailTo(referee).get(0), "/links/reference/");
        browser.get(referenceLink);
        browser.postForm(referenceLink, Map.of("recommendation", "RECOMMEND", "knownForYears", "6", "comments", "Reliable."));
        runDueJobs();
        return reviewTask(idFrom(submitted.body()));
    }

    private Task reviewTask(long applicationId) {
        return taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION)
                .processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId)).singleResult();
    }
}
