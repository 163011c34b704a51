package org.steward.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;
import org.steward.support.IntegrationTest;

/**
 * Issue 7 finding 6: an application whose address nobody confirms reaches nobody else, and after the
 * configured wait (7 days) it is discarded with its references, the applicant's profile and every person
 * it named whom nothing else we keep refers to. Moves the engine's clock; the timer is the BPMN's.
 */
class EmailConfirmationTest extends IntegrationTest {

    @Autowired
    private Members members;
    @Autowired
    private DataSubjects subjects;
    @Autowired
    private TransactionTemplate transaction;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void anAddressNobodyConfirms_isDiscardedAfterSevenDays_withEveryoneOnlyItNamed() throws Exception {
        String marker = Markers.unique();
        String applicant = uniqueEmail("unconfirmed");
        String referee = uniqueEmail("referee");
        String memberReferee = uniqueEmail("member-referee");
        long memberId = transaction.execute(status -> members.admit(subjects.findOrCreate(memberReferee, "Mira Member " + marker), null));

        HttpResponse<String> submitted = browser.postJson("/api/applications", """
                {"kind":"MENTOR","name":"Nadia %s","email":"%s","postalCode":"10115","industry":"Industry %s",
                 "expertise":"Teams","languages":["English"],
                 "referees":[{"name":"Quentin %s","email":"%s","relationship":"Partner %s"},
                             {"name":"Mira","email":"%s","relationship":"Colleague"}]}"""
                .formatted(marker, applicant, marker, marker, referee, marker, memberReferee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        String businessKey = ApplicationProcess.businessKey(applicationId);
        String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        runJobsOf(processId);
        String confirmLink = link(deliverMailTo(applicant).get(0), "/links/confirm-email/");
        long subjectId = jdbc.queryForObject("SELECT subject_id FROM application WHERE id = ?", Long.class, applicationId);

        Instant submittedAt = Instant.now();
        ClockUtil.setCurrentTime(Date.from(submittedAt.plus(Duration.ofDays(7)).minusSeconds(120)));
        runJobsOf(processId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE id = ?", Long.class, applicationId)).isOne();

        ClockUtil.setCurrentTime(Date.from(submittedAt.plus(Duration.ofDays(7)).plusSeconds(120)));
        runJobsOf(processId);

        // The process ended as "Application discarded"; nobody but the address ever heard of it.
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processId).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processId)
                .activityId("EndEvent_ApplicationDiscarded").count()).isOne();
        assertThat(deliverMailTo(referee)).isEmpty();
        assertThat(deliverMailTo(memberReferee)).isEmpty();
        assertThat(deliverMailTo(applicant)).hasSize(1);

        // Gone: the application, its references, the applicant's profile, the referee nothing else knows.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE id = ?", Long.class, applicationId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_check WHERE application_id = ?", Long.class, applicationId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_profile WHERE subject_id = ?", Long.class, subjectId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE email IN (?, ?)", Long.class, applicant, referee)).isZero();
        for (String typed : List.of("Nadia " + marker, "Quentin " + marker, "Partner " + marker, "Industry " + marker)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE display_name = ?", Long.class, typed)).isZero();
            assertNotInHistory(typed);
        }
        assertNotInHistory(applicant);
        assertNotInHistory(referee);
        // Kept: the member who was also named, with their name and membership.
        assertThat(members.view(memberId).email()).isEqualTo(memberReferee);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE display_name = ?", Long.class, "Mira Member " + marker))
                .isOne();
        // The link is dead; using it changes nothing.
        assertThat(browser.get(confirmLink).statusCode()).isEqualTo(410);
        browser.get("/apply"); // a CSRF token, as a browser that has seen one of our forms has
        assertThat(browser.postForm(confirmLink, Map.of()).statusCode()).isEqualTo(410);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE id = ?", Long.class, applicationId)).isZero();
        // AUD-3: the discard is in the audit trail, ids only.
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE action = 'APPLICATION_DISCARDED' AND case_key = ?",
                String.class, businessKey)).isEqualTo("reason=address-not-confirmed references=2");
        // The same address may apply again.
        assertThat(browser.postJson("/api/applications", applicationJson(applicant, uniqueEmail("r")), null).statusCode()).isEqualTo(201);
    }

    @Test
    void aConfirmationLinkThatIsNotOne_changesNothing() {
        String applicant = uniqueEmail("applicant");
        String referee = uniqueEmail("referee");
        long applicationId = idFrom(browser.postJson("/api/applications", applicationJson(applicant, referee), null).body());
        runDueJobs();
        String confirmLink = link(deliverMailTo(applicant).get(0), "/links/confirm-email/");
        String token = confirmLink.substring(confirmLink.lastIndexOf('/') + 1);
        // The same token on another link's path is not that link.
        assertThat(browser.get("/links/reference/" + token).statusCode()).isEqualTo(404);
        assertThat(browser.get("/links/confirm-email/" + token + "x").statusCode()).isEqualTo(404);
        browser.get(confirmLink);
        assertThat(browser.postForm("/links/confirm-email/" + token.substring(1), Map.of()).statusCode()).isEqualTo(404);
        runDueJobs();
        assertThat(jdbc.queryForObject("SELECT status FROM application WHERE id = ?", String.class, applicationId))
                .isEqualTo("AWAITING_EMAIL_CONFIRMATION");
        assertThat(deliverMailTo(referee)).isEmpty();
    }

    /** The due jobs of one process instance only: moving the clock must not run other tests' timers. */
    private void runJobsOf(String processInstanceId) {
        for (int i = 0; i < 50; i++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable()
                    .orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            managementService.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep appearing");
    }
}
