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

    /**
     * Completing through the page objects (the review form will change with issue 8 item 2: keep its
     * "decision" select, or update this test with it).
     */
    @Test
    void programStaff_approveInTheForm_andTasklistConfirmsAndDropsTheTask() {
        String applicant = uniqueEmail("applicant");
        Task review = reviewTaskFor(applicant);

        signIn("peter");
        TasklistPage tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        tasklist.openFilter("My group's tasks").openTaskWithId(review.getId()).claim().waitForFormText(applicant);
        tasklist.selectInForm("decision", "Approve").complete();

        tasklist.waitForTaskWithIdGone(review.getId());
        assertThat(tasklist.errorNotifications()).isEmpty();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getEndTime()).isNotNull();
        runDueJobs();
        assertThat(jdbc.queryForObject("SELECT status FROM application WHERE email = ?", String.class, applicant)).isEqualTo("APPROVED");
    }

    /** An application whose referee has answered, so its review task is waiting for program staff. */
    private Task reviewTaskFor(String applicant) {
        String referee = uniqueEmail("referee");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).isEqualTo(201);
        runDueJobs();
        String referenceLink = link(deliverMailTo(referee).get(0), "/links/reference/");
        browser.get(referenceLink);
        browser.postForm(referenceLink, Map.of("recommendation", "RECOMMEND", "knownForYears", "6", "comments", "Reliable."));
        runDueJobs();
        return reviewTask(idFrom(submitted.body()));
    }

    private Task reviewTask(long applicationId) {
        return taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION)
                .processVariableValueEquals(ApplicationProcess.APPLICATION_ID, applicationId).singleResult();
    }
}
