package org.steward.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/**
 * The walkthrough of the README, end to end over real HTTP and SMTP: apply, referees answer or
 * remove their data, staff ask a question through /engine-rest, the applicant answers through the
 * emailed link, staff approve, the member is active and welcomed (APP-1, -3, -4, -5, -6).
 * Subclasses run it on H2, MariaDB/MySQL and a MySQL 8 container.
 */
abstract class ApplicationJourneyScenario extends IntegrationTest {

    @Test
    void applicationGoesFromSubmissionThroughReferencesToAnActiveMember() throws Exception {
        String applicant = uniqueEmail("applicant");
        String answeringReferee = uniqueEmail("referee");
        String withdrawingReferee = uniqueEmail("referee");

        HttpResponse<String> submitted = browser.postJson("/api/applications",
                applicationJson(applicant, answeringReferee, withdrawingReferee), null);
        assertThat(submitted.statusCode()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        String businessKey = ApplicationProcess.businessKey(applicationId);
        runDueJobs();

        // APP-3: each referee gets one request with a form link; APP-4: and a removal link.
        List<MimeMessage> answeringMail = deliverMailTo(answeringReferee);
        assertThat(answeringMail).hasSize(1);
        assertThat(answeringMail.get(0).getSubject()).isEqualTo("Would you give a reference?");
        assertThat(body(answeringMail.get(0))).contains("Ana Lima");
        String referenceLink = link(answeringMail.get(0), "/links/reference/");
        assertThat(link(answeringMail.get(0), "/links/referee-removal/")).isNotBlank();

        assertThat(browser.get(referenceLink).statusCode()).isEqualTo(200);
        HttpResponse<String> answered = browser.postForm(referenceLink,
                Map.of("recommendation", "RECOMMEND", "knownForYears", "6", "comments", "Reliable and generous with time."));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Your reference has been received");

        List<MimeMessage> withdrawingMail = deliverMailTo(withdrawingReferee);
        assertThat(withdrawingMail).hasSize(1);
        String removalLink = link(withdrawingMail.get(0), "/links/referee-removal/");
        assertThat(browser.get(removalLink).body()).contains("Remove my data");
        assertThat(browser.postForm(removalLink, Map.of()).body()).contains("Your data has been removed");
        runDueJobs();

        // APP-5: program staff see the review task; other groups do not.
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ApplicationProcess.TASK_REVIEW_APPLICATION);
        assertThat(browser.getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey, "peter").body()).contains(review.getId());
        assertThat(browser.getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey, "audrey").body()).isEqualTo("[]");
        String shown = browser.getJson("/api/staff/applications/" + applicationId, "peter").body();
        assertThat(shown).contains("\"status\":\"RECEIVED\"", "\"status\":\"WITHDRAWN\"", "Reliable and generous");

        String question = "Which evenings could you mentor? marker-" + applicationId;
        assertThat(review.getName()).isEqualTo("Review application #" + applicationId + " — mentor, 1 of 2 references");
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"MORE_INFO\",\"reason\":\"" + question + "\"}");
        runDueJobs();

        List<MimeMessage> questionMail = deliverMailTo(applicant);
        assertThat(questionMail).hasSize(1);
        assertThat(body(questionMail.get(0))).contains(question);
        String answerLink = link(questionMail.get(0), "/links/more-information/");
        assertThat(browser.get(answerLink).body()).contains(question);
        assertThat(browser.postForm(answerLink, Map.of("answer", "Tuesdays and Thursdays")).statusCode()).isEqualTo(200);

        // The task comes back, now showing the answer.
        Task secondReview = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(secondReview.getTaskDefinitionKey()).isEqualTo(ApplicationProcess.TASK_REVIEW_APPLICATION);
        assertThat(browser.getJson("/api/staff/applications/" + applicationId, "peter").body()).contains("Tuesdays and Thursdays");
        assertThat(secondReview.getName()).endsWith(", applicant answered");
        completeAsTasklist(secondReview.getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();

        // APP-6: outcome and welcome mails; the member is active and opted in to essential mail.
        List<MimeMessage> applicantMail = deliverMailTo(applicant);
        assertThat(applicantMail).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Your application: one question from our team", "Your application has been approved", "Welcome to the community",
                "Your choices: what else may we do?"); // APP-6: asked for the optional consents (CON-1)
        assertThat(jdbc.queryForMap("SELECT m.status, m.essential_communications FROM member m "
                + "JOIN data_subject s ON s.id = m.subject_id WHERE s.email = ?", applicant))
                .containsEntry("status", "ACTIVE").containsEntry("essential_communications", true);
        assertThat(jdbc.queryForObject("SELECT status FROM application WHERE id = ?", String.class, applicationId)).isEqualTo("APPROVED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();

        // APP-4: once decided, referees are reduced to a non-identifying outcome, and who they were is gone.
        assertThat(jdbc.queryForList("SELECT referee_subject_id, relationship, comments, status, recommendation "
                + "FROM reference_check WHERE application_id = ? ORDER BY id", applicationId))
                .extracting(row -> row.get("referee_subject_id"), row -> row.get("relationship"), row -> row.get("comments"),
                        row -> row.get("status"), row -> row.get("recommendation"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, null, null, "RECEIVED", "RECOMMEND"),
                        org.assertj.core.groups.Tuple.tuple(null, null, null, "WITHDRAWN", null));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE email IN (?, ?)", Long.class,
                answeringReferee, withdrawingReferee)).isZero();

        // The free-text question is kept with the application, never in Camunda history.
        assertThat(jdbc.queryForObject("SELECT more_info_question FROM application WHERE id = ?", String.class, applicationId))
                .isEqualTo(question);
        // Nor any typed text, name or email in any history table (issue 15).
        for (String typed : List.of("marker-" + applicationId, "Tuesdays and Thursdays", "Reliable and generous", "Ana Lima",
                applicant, answeringReferee, withdrawingReferee)) {
            assertNotInHistory(typed);
        }
    }

}
