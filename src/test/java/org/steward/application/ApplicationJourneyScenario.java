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
 * The walkthrough of the README, end to end over real HTTP and SMTP: apply, confirm the address through
 * the mailed link (nothing reaches a referee before), referees answer or remove their data, staff ask a
 * question through /engine-rest, the applicant answers through the emailed link, staff approve, the
 * member is active and welcomed (APP-1, -3, -4, -5, -6; issue 7 findings 6 and 11). The application's
 * status follows each step. Subclasses run it on H2, MariaDB/MySQL and a MySQL 8 container.
 */
abstract class ApplicationJourneyScenario extends IntegrationTest {

    @Test
    void applicationGoesFromSubmissionThroughConfirmationAndReferencesToAnActiveMember() throws Exception {
        String applicant = uniqueEmail("applicant");
        String answeringReferee = uniqueEmail("referee");
        String withdrawingReferee = uniqueEmail("referee");

        HttpResponse<String> submitted = browser.postJson("/api/applications",
                applicationJson(applicant, answeringReferee, withdrawingReferee), null);
        assertThat(submitted.statusCode()).isEqualTo(201);
        assertThat(submitted.body()).contains("\"status\":\"AWAITING_EMAIL_CONFIRMATION\"", "Confirm your email address");
        long applicationId = idFrom(submitted.body());
        String businessKey = ApplicationProcess.businessKey(applicationId);
        runDueJobs();

        // Finding 6: only the applicant hears of it, and only to confirm the address; the mail holds nothing they typed.
        assertThat(statusOf(applicationId)).isEqualTo("AWAITING_EMAIL_CONFIRMATION");
        assertThat(deliverMailTo(answeringReferee)).isEmpty();
        assertThat(deliverMailTo(withdrawingReferee)).isEmpty();
        List<MimeMessage> confirmationMail = deliverMailTo(applicant);
        assertThat(confirmationMail).extracting(MimeMessage::getSubject).containsExactly("Please confirm your email address");
        assertThat(body(confirmationMail.get(0))).doesNotContain("Ana Lima", "Scaling engineering", "Referee 1");
        String confirmLink = link(confirmationMail.get(0), "/links/confirm-email/");
        // GET only shows the button (mail scanners open links); POST confirms, once.
        assertThat(browser.get(confirmLink).body()).contains("Confirm my address");
        assertThat(browser.get(confirmLink).statusCode()).isEqualTo(200);
        runDueJobs();
        assertThat(statusOf(applicationId)).isEqualTo("AWAITING_EMAIL_CONFIRMATION");
        assertThat(deliverMailTo(answeringReferee)).isEmpty();
        HttpResponse<String> confirmed = browser.postForm(confirmLink, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your address is confirmed");
        assertThat(browser.postForm(confirmLink, Map.of()).statusCode()).isEqualTo(410); // single use
        assertThat(statusOf(applicationId)).isEqualTo("AWAITING_REFERENCES");
        assertThat(jdbc.queryForObject("SELECT email_confirmed_at FROM application WHERE id = ?", java.sql.Timestamp.class,
                applicationId)).isNotNull();
        runDueJobs();

        // APP-3: each referee gets one request with a form link; APP-4: and a removal link. Names only (finding 6).
        List<MimeMessage> answeringMail = deliverMailTo(answeringReferee);
        assertThat(answeringMail).hasSize(1);
        assertThat(answeringMail.get(0).getSubject()).isEqualTo("Would you give a reference?");
        assertThat(body(answeringMail.get(0))).contains("Ana Lima")
                .doesNotContain("Former colleague", "Scaling engineering", "Software", "10115");
        String referenceLink = link(answeringMail.get(0), "/links/reference/");
        String laterRemovalLink = link(answeringMail.get(0), "/links/referee-removal/");

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

        // APP-5: program staff see the review task; other groups do not. Finding 11: the application is UNDER_REVIEW.
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ApplicationProcess.TASK_REVIEW_APPLICATION);
        assertThat(statusOf(applicationId)).isEqualTo("UNDER_REVIEW");
        assertThat(browser.getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey, "peter").body()).contains(review.getId());
        assertThat(browser.getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey, "audrey").body()).isEqualTo("[]");
        String shown = browser.getJson("/api/staff/applications/" + applicationId, "peter").body();
        assertThat(shown).contains("\"status\":\"UNDER_REVIEW\"", "\"status\":\"RECEIVED\"", "\"status\":\"WITHDRAWN\"",
                "Reliable and generous");

        String question = "Which evenings could you mentor? marker-" + applicationId;
        assertThat(review.getName()).isEqualTo("Review application #" + applicationId + " — mentor, 1 of 2 references");
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"MORE_INFO\",\"reason\":\"" + question + "\"}");
        runDueJobs();
        assertThat(statusOf(applicationId)).isEqualTo("MORE_INFORMATION_REQUESTED");

        List<MimeMessage> questionMail = deliverMailTo(applicant).stream()
                .filter(m -> subjectOf(m).equals("Your application: one question from our team")).toList();
        assertThat(questionMail).hasSize(1);
        assertThat(body(questionMail.get(0))).contains(question);
        String answerLink = link(questionMail.get(0), "/links/more-information/");
        assertThat(browser.get(answerLink).body()).contains(question);
        assertThat(browser.postForm(answerLink, Map.of("answer", "Tuesdays and Thursdays")).statusCode()).isEqualTo(200);

        // The task comes back, now showing the answer; the application is UNDER_REVIEW again.
        Task secondReview = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(secondReview.getTaskDefinitionKey()).isEqualTo(ApplicationProcess.TASK_REVIEW_APPLICATION);
        assertThat(statusOf(applicationId)).isEqualTo("UNDER_REVIEW");
        assertThat(browser.getJson("/api/staff/applications/" + applicationId, "peter").body()).contains("Tuesdays and Thursdays");
        assertThat(secondReview.getName()).endsWith(", applicant answered");
        completeAsTasklist(secondReview.getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();

        // APP-6: outcome and welcome mails; the member is active and opted in to essential mail.
        List<MimeMessage> applicantMail = deliverMailTo(applicant);
        assertThat(applicantMail).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Please confirm your email address",
                "Your application: one question from our team", "Your application has been approved", "Welcome to the community",
                "Your choices: what else may we do?"); // APP-6: asked for the optional consents (CON-1)
        assertThat(jdbc.queryForMap("SELECT m.status, m.essential_communications FROM member m "
                + "JOIN data_subject s ON s.id = m.subject_id WHERE s.email = ?", applicant))
                .containsEntry("status", "ACTIVE").containsEntry("essential_communications", true);
        assertThat(statusOf(applicationId)).isEqualTo("APPROVED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();

        // APP-4: once decided, referees are reduced to a non-identifying outcome, and who they were is gone.
        List<org.assertj.core.groups.Tuple> reduced = List.of(
                org.assertj.core.groups.Tuple.tuple(null, null, null, "RECEIVED", "RECOMMEND"),
                org.assertj.core.groups.Tuple.tuple(null, null, null, "WITHDRAWN", null));
        assertThat(referenceRows(applicationId)).containsExactlyElementsOf(reduced);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE email IN (?, ?)", Long.class,
                answeringReferee, withdrawingReferee)).isZero();

        // Finding 11: the removal link used after the decision says the data is gone and changes nothing.
        HttpResponse<String> late = browser.get(laterRemovalLink);
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("Your data is already gone").doesNotContain("Dear ,", "Remove my data</button>");
        HttpResponse<String> lateRemoval = browser.postForm(laterRemovalLink, Map.of());
        assertThat(lateRemoval.statusCode()).isEqualTo(200);
        assertThat(lateRemoval.body()).contains("Your data is already gone").doesNotContain("Dear ,");
        assertThat(referenceRows(applicationId)).containsExactlyElementsOf(reduced);

        // The free-text question is kept with the application, never in Camunda history.
        assertThat(jdbc.queryForObject("SELECT more_info_question FROM application WHERE id = ?", String.class, applicationId))
                .isEqualTo(question);
        // Nor any typed text, name or email in any history table (issue 15).
        for (String typed : List.of("marker-" + applicationId, "Tuesdays and Thursdays", "Reliable and generous", "Ana Lima",
                "Former colleague", "Scaling engineering teams", applicant, answeringReferee, withdrawingReferee)) {
            assertNotInHistory(typed);
        }
        // AUD-3: the state changes are in the audit trail, ids and categories only.
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE case_key = ? ORDER BY sequence_no", String.class, businessKey))
                .containsSubsequence("APPLICATION_SUBMITTED", "APPLICANT_EMAIL_CONFIRMED", "APPLICATION_UNDER_REVIEW",
                        "TASK_COMPLETED", "APPLICATION_UNDER_REVIEW", "TASK_COMPLETED");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_entry WHERE case_key = ?", String.class, businessKey))
                .noneMatch(detail -> detail != null && (detail.contains("@") || detail.contains("Ana")));
    }

    private String statusOf(long applicationId) {
        return jdbc.queryForObject("SELECT status FROM application WHERE id = ?", String.class, applicationId);
    }

    private List<org.assertj.core.groups.Tuple> referenceRows(long applicationId) {
        return jdbc.queryForList("SELECT referee_subject_id, relationship, comments, status, recommendation "
                        + "FROM reference_check WHERE application_id = ? ORDER BY id", applicationId).stream()
                .map(row -> org.assertj.core.groups.Tuple.tuple(row.get("referee_subject_id"), row.get("relationship"),
                        row.get("comments"), row.get("status"), row.get("recommendation")))
                .toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
