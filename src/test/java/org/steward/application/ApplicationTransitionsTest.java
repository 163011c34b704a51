package org.steward.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/**
 * Issue 7 findings 2 and 11: an application is UNDER_REVIEW while its review task is open, and services
 * refuse a transition its state does not allow. A decision on an application that is not under review is
 * a 400 naming why, nothing stored; an admission or rejection whose case is not ready becomes a Camunda
 * incident carrying the reason, and nothing is carried out.
 */
class ApplicationTransitionsTest extends IntegrationTest {

    @Test
    void aDecisionIsRefused_unlessTheApplicationIsUnderReview() {
        OpenReview review = openReview();
        jdbc.update("UPDATE application SET status = 'AWAITING_REFERENCES' WHERE id = ?", review.id());

        HttpResponse<String> refused = browser.postJson("/api/staff/tasks/" + review.task().getId() + "/input",
                "{\"decision\":\"APPROVE\"}", "peter");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Application #" + review.id()
                + " cannot be decided now: it is AWAITING_REFERENCES, not UNDER_REVIEW.");
        HttpResponse<String> viaEngine = browser.postJson("/engine-rest/task/" + review.task().getId() + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}", "peter");
        assertThat(viaEngine.statusCode()).isEqualTo(400);
        assertThat(viaEngine.body()).contains("cannot be decided now").doesNotContain("ENGINE-");
        assertThat(taskService.createTaskQuery().taskId(review.task().getId()).count()).isOne();
        assertThat(jdbc.queryForObject("SELECT decision FROM application WHERE id = ?", String.class, review.id())).isNull();
    }

    @Test
    void anAdmissionWhoseReferencesAreNotSettled_becomesAnIncidentNamingWhy_andAdmitsNobody() {
        OpenReview review = openReview();
        completeAsTasklist(review.task().getId(), "peter", "{\"decision\":\"APPROVE\"}");
        // What finding 2 did through a rewritten variable: the case is not ready when the step runs.
        jdbc.update("UPDATE reference_check SET status = 'REQUESTED' WHERE application_id = ?", review.id());

        Incident incident = failUntilIncident(review.processInstanceId());
        assertThat(incident.getActivityId()).isEqualTo("Task_AdmitMember");
        assertThat(incident.getIncidentMessage()).isEqualTo("Application #" + review.id()
                + " cannot be admitted: a reference is still awaited.");
        assertThat(jdbc.queryForMap("SELECT status, member_id FROM application WHERE id = ?", review.id()))
                .containsEntry("status", "UNDER_REVIEW").containsEntry("member_id", null);
        assertThat(deliverMailTo(review.applicant())).extracting(m -> body(m))
                .noneMatch(body -> body.contains("has been approved"));
    }

    @Test
    void aRejectionOfAnApplicationNoLongerUnderReview_becomesAnIncident_andTellsNobody() {
        OpenReview review = openReview();
        completeAsTasklist(review.task().getId(), "peter", "{\"decision\":\"REJECT\",\"reason\":\"Not this year\"}");
        jdbc.update("UPDATE application SET status = 'MORE_INFORMATION_REQUESTED' WHERE id = ?", review.id());

        Incident incident = failUntilIncident(review.processInstanceId());
        assertThat(incident.getActivityId()).isEqualTo("Task_SendRejection");
        assertThat(incident.getIncidentMessage()).isEqualTo("Application #" + review.id()
                + " cannot be rejected: it is MORE_INFORMATION_REQUESTED, not UNDER_REVIEW.");
        assertThat(deliverMailTo(review.applicant())).extracting(m -> body(m)).noneMatch(body -> body.contains("Not this year"));
    }

    record OpenReview(long id, String applicant, Task task, String processInstanceId) {
    }

    /** Submitted, address confirmed, the one referee answered: the review task is open and the application UNDER_REVIEW. */
    private OpenReview openReview() {
        String applicant = uniqueEmail("applicant");
        String referee = uniqueEmail("referee");
        long id = idFrom(browser.postJson("/api/applications", applicationJson(applicant, referee), null).body());
        confirmAddress(applicant);
        String form = link(deliverMailTo(referee).get(0), "/links/reference/");
        browser.get(form);
        assertThat(browser.postForm(form, Map.of("recommendation", "RECOMMEND")).statusCode()).isEqualTo(200);
        runDueJobs();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(ApplicationProcess.businessKey(id)).singleResult();
        assertThat(jdbc.queryForObject("SELECT status FROM application WHERE id = ?", String.class, id)).isEqualTo("UNDER_REVIEW");
        return new OpenReview(id, applicant, task, task.getProcessInstanceId());
    }

    /**
     * Runs the instance's failing job until its retries are spent, moving the engine's clock past each retry
     * wait as time would; no job of this test is left due for a later test to trip over.
     */
    private Incident failUntilIncident(String processInstanceId) {
        Instant now = Instant.now();
        try {
            for (int attempt = 1; attempt <= 10; attempt++) {
                Job job = managementService.createJobQuery().processInstanceId(processInstanceId).withRetriesLeft().singleResult();
                if (job == null) {
                    break;
                }
                ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(attempt))));
                assertThat(catchThrowable(() -> managementService.executeJob(job.getId()))).isNotNull();
            }
        } finally {
            ClockUtil.reset();
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(incident).as("incident").isNotNull();
        return incident;
    }
}
