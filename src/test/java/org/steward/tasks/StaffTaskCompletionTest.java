package org.steward.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.application.ApplicationProcess;
import org.steward.support.IntegrationTest;

/**
 * Tasks cannot rewrite their case (issue 7 findings 2 and 3) and typed text never enters the engine
 * (issue 15): every request goes through real HTTP as Tasklist or an API client would send it.
 */
class StaffTaskCompletionTest extends IntegrationTest {

    @Test
    void finding2_staffCannotRewriteTaskVariables_theyHoldTaskWorkNotUpdate() {
        Task review = reviewTaskOfNewApplication();
        HttpResponse<String> modified = browser.postJson("/engine-rest/task/" + review.getId() + "/variables",
                "{\"modifications\":{\"applicationId\":{\"value\":2,\"type\":\"Long\"}}}", "peter");
        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(403);
        HttpResponse<String> put = browser.putJson("/engine-rest/task/" + review.getId() + "/variables/decision",
                "{\"value\":\"APPROVE\",\"type\":\"String\"}", "peter");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
        assertThat(runtimeService.getVariables(review.getProcessInstanceId())).doesNotContainKeys("applicationId", "decision");
        // Claiming is work: allowed.
        assertThat(browser.postJson("/engine-rest/task/" + review.getId() + "/claim", "{\"userId\":\"peter\"}", "peter").statusCode())
                .isEqualTo(204);
    }

    @Test
    void finding2_aCompletionMaySetOnlyTheTasksDeclaredOutputs() {
        Task review = reviewTaskOfNewApplication();
        HttpResponse<String> completed = browser.postJson("/engine-rest/task/" + review.getId() + "/complete", """
                {"variables":{"applicationId":{"value":2,"type":"Long"},"decision":{"value":"APPROVE","type":"String"}}}""", "peter");
        assertThat(completed.statusCode()).isEqualTo(400);
        assertThat(completed.body()).contains("may set only decision").contains("applicationId").doesNotContain("ENGINE-");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.getVariables(review.getProcessInstanceId())).doesNotContainKeys("applicationId", "decision");
    }

    @Test
    void finding10_aRejectionWithoutReason_isA400WithAReadableMessage_notTheEngines500() {
        Task review = reviewTaskOfNewApplication();
        for (String path : List.of("/complete", "/submit-form")) {
            HttpResponse<String> refused = browser.postJson("/engine-rest/task/" + review.getId() + path,
                    "{\"variables\":{\"decision\":{\"value\":\"REJECT\",\"type\":\"String\"}}}", "peter");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("write the reason for the rejection").doesNotContain("ENGINE-03051");
            HttpResponse<String> unknown = browser.postJson("/engine-rest/task/" + review.getId() + path,
                    "{\"variables\":{\"decision\":{\"value\":\"MAYBE\",\"type\":\"String\"}}}", "peter");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("choose one of APPROVE, REJECT, MORE_INFO");
        }
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT decision FROM application WHERE id = ?", String.class, applicationIdOf(review))).isNull();
    }

    @Test
    void finding3_candidatesCannotAddCandidatesOrAssignOthers_andOtherGroupsCannotComplete() {
        Task review = reviewTaskOfNewApplication();
        HttpResponse<String> link = browser.postJson("/engine-rest/task/" + review.getId() + "/identity-links",
                "{\"groupId\":\"auditors\",\"type\":\"candidate\"}", "peter");
        assertThat(link.statusCode()).as(link.body()).isEqualTo(403);
        HttpResponse<String> assign = browser.postJson("/engine-rest/task/" + review.getId() + "/assignee",
                "{\"userId\":\"audrey\"}", "peter");
        assertThat(assign.statusCode()).as(assign.body()).isEqualTo(403);

        for (String outsider : List.of("audrey", "sam", "priya")) {
            HttpResponse<String> completed = browser.postJson("/engine-rest/task/" + review.getId() + "/complete",
                    "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}", outsider);
            assertThat(completed.statusCode()).as(outsider).isEqualTo(403);
            HttpResponse<String> viaSteward = browser.postJson("/api/staff/tasks/" + review.getId() + "/completion",
                    "{\"decision\":\"APPROVE\"}", outsider);
            assertThat(viaSteward.statusCode()).as(outsider).isEqualTo(403);
            assertThat(browser.getJson("/api/staff/tasks/" + review.getId() + "/view", outsider).statusCode()).isEqualTo(403);
        }
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    }

    @Test
    void issue15_undeclaredOrBlankFields_are400_theTaskStaysOpen_andNothingIsStored() {
        Task review = reviewTaskOfNewApplication();
        HttpResponse<String> extra = browser.postJson("/api/staff/tasks/" + review.getId() + "/input",
                "{\"decision\":\"APPROVE\",\"applicationId\":2,\"note\":\"hello\"}", "peter");
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(extra.body()).contains("this task does not take applicationId, note");
        HttpResponse<String> blank = browser.postJson("/api/staff/tasks/" + review.getId() + "/input",
                "{\"decision\":\"REJECT\",\"reason\":\"   \"}", "peter");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"reason\"").contains("write the reason for the rejection");
        HttpResponse<String> control = browser.postJson("/api/staff/tasks/" + review.getId() + "/input",
                "{\"decision\":\"REJECT\",\"reason\":\"Looks \\u202Eelif\"}", "peter");
        assertThat(control.statusCode()).isEqualTo(400);
        HttpResponse<String> notJson = browser.postJson("/api/staff/tasks/" + review.getId() + "/input", "[1,2]", "peter");
        assertThat(notJson.statusCode()).isEqualTo(400);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_task_input", Long.class)).isZero();
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        // Tasklist's submit without a saved form and without a decision is refused too.
        HttpResponse<String> empty = browser.postJson("/engine-rest/task/" + review.getId() + "/submit-form", "{\"variables\":{}}", "peter");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("choose a decision");
    }

    @Test
    void issue15_theTasklistWay_storesTheReasonWithTheApplication_andNothingTypedReachesHistory() {
        Task review = reviewTaskOfNewApplication();
        long applicationId = applicationIdOf(review);
        String reason = "Too few references for a mentor, marker-" + applicationId;

        HttpResponse<String> view = browser.getJson("/api/staff/tasks/" + review.getId() + "/view", "peter");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"caseKey\":\"application-" + applicationId + "\"", "\"references\"");

        // A decision other than the saved one is refused at Tasklist's submit.
        assertThat(browser.postJson("/api/staff/tasks/" + review.getId() + "/input",
                "{\"decision\":\"REJECT\",\"reason\":\"" + reason + "\"}", "peter").statusCode()).isEqualTo(200);
        HttpResponse<String> other = browser.postJson("/engine-rest/task/" + review.getId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}", "peter");
        assertThat(other.statusCode()).isEqualTo(400);

        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"REJECT\",\"reason\":\"" + reason + "\"}");
        runDueJobs();
        assertThat(jdbc.queryForMap("SELECT decision, decision_reason, decided_by, status FROM application WHERE id = ?", applicationId))
                .containsEntry("decision", "REJECT").containsEntry("decision_reason", reason)
                .containsEntry("decided_by", "peter").containsEntry("status", "REJECTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_task_input", Long.class)).isZero();
        assertNotInHistory("marker-" + applicationId);
        // AUD-3: the decision is in the audit trail, without the reason.
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE action = 'TASK_COMPLETED' AND case_key = ?",
                String.class, "application-" + applicationId)).isEqualTo("task=Task_ReviewApplication {decision=REJECT}");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_detail WHERE type_ = 'FormProperty'", Long.class)).isZero();
    }

    @Test
    void apiClients_completeInOneStep_andAnAdminMayToo() {
        Task review = reviewTaskOfNewApplication();
        HttpResponse<String> done = browser.postJson("/api/staff/tasks/" + review.getId() + "/completion",
                "{\"decision\":\"APPROVE\"}", "ada");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT decided_by FROM application WHERE id = ?", String.class, applicationIdOf(review)))
                .isEqualTo("ada");
        assertThat(browser.getJson("/api/staff/tasks/no-such-task/view", "peter").statusCode()).isEqualTo(404);
    }

    /** An application whose applicant confirmed their address and whose one referee answered: its review task is open. */
    private Task reviewTaskOfNewApplication() {
        String referee = uniqueEmail("referee");
        String applicant = uniqueEmail("applicant");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        confirmAddress(applicant); // issue 7 finding 6: referees are asked only after

        List<MimeMessage> mail = deliverMailTo(referee);
        String form = link(mail.get(0), "/links/reference/");
        browser.get(form);
        assertThat(browser.postForm(form, Map.of("recommendation", "RECOMMEND", "knownForYears", "3")).statusCode()).isEqualTo(200);
        runDueJobs();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId)).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ApplicationProcess.TASK_REVIEW_APPLICATION);
        return task;
    }

    private long applicationIdOf(Task task) {
        String key = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        return CaseKey.idOf(key, ApplicationProcess.CASE);
    }
}
