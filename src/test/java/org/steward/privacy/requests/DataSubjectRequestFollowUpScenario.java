package org.steward.privacy.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.Markers;
import org.steward.privacy.PrivacyJourney;
import org.steward.privacy.ProcessingRestrictions;

/**
 * Issue 10 part A over real HTTP, SMTP and the engine: the deadline extended once with a reason the
 * requester receives, the timers and the deadline record following the new date (DSR-3); an approved
 * rectification corrected in its task and recorded field by field (never the values); the member
 * organisation's administrator told the type and outcome (DSR-5); a restriction lifted by itself when the
 * dispute it waited for ends (DSR-8). Subclasses run it on H2 and MariaDB/MySQL.
 */
abstract class DataSubjectRequestFollowUpScenario extends PrivacyJourney {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ProcessingRestrictions restrictions;

    @Test
    void extension_once_withAReasonTheRequesterReceives_theTimersAndTheDeadlineRecordFollowTheNewDate_DSR3() throws Exception {
        String email = uniqueEmail("xena");
        long requestId = submitAndVerify(email, "PORTABILITY", null);
        String instance = instanceOf(requestId);
        String extension = "/api/privacy-requests/" + requestId + "/extension";
        String reason = "Your data sits in an archive we must restore " + UUID.randomUUID();

        assertThat(browser.postJson(extension, "{\"reason\":\"x\",\"days\":30}", "peter").statusCode()).isEqualTo(403);
        assertThat(browser.postJson(extension, "{\"reason\":\"x\",\"days\":30}", null).statusCode()).isEqualTo(401);
        assertRefused(extension, "{\"reason\":\"x\",\"days\":0}", "days");
        assertRefused(extension, "{\"reason\":\"x\",\"days\":61}", "days");
        assertRefused(extension, "{\"reason\":\"x\",\"days\":\"thirty\"}", "days");
        assertRefused(extension, "{\"reason\":\"x\",\"days\":2.5}", "days");
        assertRefused(extension, "{\"days\":30}", "reason");
        assertRefused(extension, "{\"reason\":\"   \",\"days\":30}", "reason");
        assertRefused(extension, "{\"reason\":\"" + "r".repeat(2001) + "\",\"days\":30}", "reason");
        assertRefused(extension, "{\"reason\":\"x\",\"days\":30,\"by\":\"me\"}", "body");
        assertThat(browser.postJson("/api/privacy-requests/987654321/extension", "{\"reason\":\"x\",\"days\":30}", "priya")
                .statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT extended_to FROM privacy_request WHERE id = ?", Timestamp.class, requestId)).isNull();

        JsonNode before = JSON.readTree(browser.getJson("/api/privacy-requests/" + requestId, "audrey").body());
        assertThat(before.has("extendedTo")).isTrue();
        assertThat(before.get("extendedTo").isNull()).isTrue();
        Instant due = Instant.parse(before.get("dueAt").asText());

        HttpResponse<String> extended = browser.postJson(extension, "{\"reason\":\"" + reason + "\",\"days\":30}", "priya");
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        Instant extendedTo = Instant.parse(JSON.readTree(extended.body()).get("extendedTo").asText());
        assertThat(extendedTo).isEqualTo(due.plus(Duration.ofDays(30)));
        runJobsOf(instance);

        List<MimeMessage> notice = mailWith(email, reason);
        assertThat(notice).hasSize(1);
        assertThat(subjectOf(notice.get(0))).isEqualTo("We need more time for your request");
        assertThat(body(notice.get(0))).contains(RequestSteps.DATE.format(extendedTo));

        // A second extension is refused, readably, and changes nothing.
        HttpResponse<String> again = browser.postJson(extension, "{\"reason\":\"More\",\"days\":10}", "priya");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("extended once only");
        JsonNode listed = JSON.readTree(browser.getJson("/api/privacy-requests?status=IN_REVIEW", "priya").body());
        JsonNode mine = null;
        for (JsonNode r : listed) {
            if (r.get("id").asLong() == requestId) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(Instant.parse(mine.get("extendedTo").asText())).isEqualTo(extendedTo);

        // The watch started again on the new date: reminder and escalation 30 days later than before.
        List<Job> timers = managementService.createJobQuery().processInstanceId(instance).timers().list();
        assertThat(timers).singleElement().satisfies(job ->
                assertThat(job.getDuedate().toInstant()).isCloseTo(due.minus(Duration.ofDays(10)).plus(Duration.ofDays(30)),
                        within(Duration.ofSeconds(2))));

        // Answered after the first due date but before the extended one: the deadline was met.
        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(5))));
        completeAsTasklist(reviewTask(requestId).getId(), "priya", "{\"decision\":\"REFUSE\",\"reason\":\"Nothing portable\"}");
        runJobsOf(instance);
        assertThat(jdbc.queryForMap("SELECT due_at, deadline_met FROM privacy_request_deadline WHERE request_id = ?", requestId))
                .containsEntry("deadline_met", true);
        assertThat(jdbc.queryForObject("SELECT due_at FROM privacy_request_deadline WHERE request_id = ?", Timestamp.class, requestId)
                .toInstant()).isCloseTo(extendedTo, within(Duration.ofSeconds(1)));
        assertThat(JSON.readTree(browser.getJson("/api/privacy-requests/" + requestId, "audrey").body()).get("deadlineMet").asBoolean())
                .isTrue();
        assertNotInHistory(reason);
    }

    @Test
    void rectification_theOfficerCorrectsTheDataInItsTask_theFieldsAreRecordedNotTheValues_thenTheRequesterIsTold() throws Exception {
        String marker = Markers.unique();
        String email = uniqueEmail("rick");
        long memberId = admitThroughApplication("Rick Wrongname" + marker, email);
        long subjectId = subjectOf(memberId);
        long requestId = submitAndVerify(email, "RECTIFICATION", "My name is spelt wrong and I moved");
        completeAsTasklist(reviewTask(requestId).getId(), "priya", "{\"decision\":\"APPROVE\"}");
        runDueJobs();

        Task correct = taskOf(requestId, DataSubjectRequestProcess.TASK_CORRECT_DATA);
        assertThat(correct.getName()).isEqualTo("Correct data for rectification request #" + requestId);
        String path = "/api/staff/tasks/" + correct.getId();
        HttpResponse<String> view = browser.getJson(path + "/view", "priya");
        assertThat(view.statusCode()).isEqualTo(200);
        JsonNode current = JSON.readTree(view.body()).get("case").get("current");
        assertThat(current.get("name").asText()).isEqualTo("Rick Wrongname" + marker);
        assertThat(current.get("email").asText()).isEqualTo(email);
        assertThat(current.get("postalCode").asText()).isEqualTo("10115");
        assertThat(current.has("organisationId")).isTrue();
        assertThat(browser.getJson(path + "/view", "peter").statusCode()).isEqualTo(403);

        // Bad input: a clear 400 per field, nothing stored.
        assertThat(browser.postJson(path + "/input", "{\"email\":\"not-an-address\"}", "priya").body()).contains("\"email\"");
        assertThat(browser.postJson(path + "/input", "{\"name\":\"\"}", "priya").body()).contains("cannot be empty");
        assertThat(browser.postJson(path + "/input", "{\"birthYear\":1900}", "priya").statusCode()).isEqualTo(400);
        assertThat(browser.postJson(path + "/input", "{\"organisationId\":987654}", "priya").body()).contains("organisationId");
        assertThat(browser.postJson(path + "/input", "{\"yearsOfExperience\":\"many\"}", "priya").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy_request_correction WHERE request_id = ?", Integer.class, requestId))
                .isZero();

        String rightName = "Rick Rightname" + marker;
        completeAsTasklist(correct.getId(), "priya", "{\"name\":\"" + rightName + "\",\"email\":\"" + email
                + "\",\"city\":\"Leipzig" + marker + "\",\"postalCode\":\"10115\"}");
        runDueJobs();

        assertThat(jdbc.queryForObject("SELECT display_name FROM data_subject WHERE id = ?", String.class, subjectId)).isEqualTo(rightName);
        assertThat(jdbc.queryForObject("SELECT city FROM member_profile WHERE subject_id = ?", String.class, subjectId))
                .isEqualTo("Leipzig" + marker);
        assertThat(jdbc.queryForMap("SELECT fields, corrected_by FROM privacy_request_correction WHERE request_id = ?", requestId))
                .containsEntry("fields", "name,city").containsEntry("corrected_by", "priya");
        assertThat(columnsHolding("Rightname" + marker)).doesNotContain("privacy_request_correction.fields")
                .noneMatch(c -> c.startsWith("act_"));
        assertThat(columnsHolding("Leipzig" + marker)).noneMatch(c -> c.startsWith("act_") || c.startsWith("privacy_request"));
        assertThat(deliverMailTo(email).stream().map(m -> subjectOf(m))).contains("Your request is done");
        assertThat(jdbc.queryForObject("SELECT status FROM privacy_request WHERE id = ?", String.class, requestId)).isEqualTo("COMPLETED");
    }

    @Test
    void memberOfAnAdministeringOrganisation_itsAdministratorHearsTheTypeAndOutcome_notTheDetails_DSR5() {
        String administrator = uniqueEmail("olga");
        HttpResponse<String> created = browser.postJson("/api/organisations", "{\"name\":\"Admin Org " + UUID.randomUUID() + "\"}", "ada");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long organisationId = idFrom(created.body());
        String admin = "{\"administersMembers\":true,\"name\":\"Olga Admin\",\"email\":\"" + administrator + "\"}";
        assertThat(browser.putJson("/api/organisations/" + organisationId + "/administrator", admin, "peter").statusCode()).isEqualTo(403);
        assertThat(browser.putJson("/api/organisations/" + organisationId + "/administrator",
                "{\"administersMembers\":true,\"name\":\"Olga\"}", "ada").statusCode()).isEqualTo(400);
        HttpResponse<String> set = browser.putJson("/api/organisations/" + organisationId + "/administrator", admin, "ada");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        String email = uniqueEmail("omar");
        long memberId = admitThroughApplication("Omar Orgmember", email);
        jdbc.update("UPDATE member SET organisation_id = ? WHERE id = ?", organisationId, memberId);
        String secret = "Private detail " + UUID.randomUUID();
        long requestId = submitAndVerify(email, "PORTABILITY", secret);
        String reason = "Refusal reason " + UUID.randomUUID();
        completeAsTasklist(reviewTask(requestId).getId(), "priya", "{\"decision\":\"REFUSE\",\"reason\":\"" + reason + "\"}");
        runDueJobs();

        List<MimeMessage> told = deliverMailTo(administrator);
        assertThat(told).hasSize(1);
        assertThat(subjectOf(told.get(0))).isEqualTo("A data-subject request of one of your members has ended");
        assertThat(body(told.get(0))).contains("#" + requestId, "portability", "refused", "member #" + memberId)
                .doesNotContain(secret, reason, email, "Omar");

        // Without an administering organisation nobody but the requester hears of it.
        String loner = uniqueEmail("lona");
        admitThroughApplication("Lona Noorg", loner);
        long other = submitAndVerify(loner, "PORTABILITY", null);
        completeAsTasklist(reviewTask(other).getId(), "priya", "{\"decision\":\"REFUSE\",\"reason\":\"No\"}");
        runDueJobs();
        assertThat(jdbc.queryForObject("SELECT status FROM privacy_request WHERE id = ?", String.class, other)).isEqualTo("REFUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE idempotency_key = ?", Integer.class,
                "privacy-request-" + other + "-organisation")).isZero();

        // An organisation that stops administering its members is not told any more.
        browser.putJson("/api/organisations/" + organisationId + "/administrator", "{\"administersMembers\":false}", "ada");
        long third = submitAndVerify(email, "ACCESS", null);
        completeAsTasklist(reviewTask(third).getId(), "priya", "{\"decision\":\"REFUSE\",\"reason\":\"No\"}");
        runDueJobs();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE idempotency_key = ?", Integer.class,
                "privacy-request-" + third + "-organisation")).isZero();
    }

    @Test
    void restrictionDuringARectification_isLiftedByItselfWhenTheRectificationEnds_DSR8() {
        String email = uniqueEmail("dora");
        long memberId = admitThroughApplication("Dora Dispute", email);
        long subjectId = subjectOf(memberId);
        long rectification = submitAndVerify(email, "RECTIFICATION", "My city is wrong");
        long restriction = submitAndVerify(email, "RESTRICTION", "Do not use my data while you check");
        completeAsTasklist(reviewTask(restriction).getId(), "priya", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        assertThat(restrictions.mayProcess(subjectId)).isFalse();
        assertThat(jdbc.queryForObject("SELECT dispute_request_id FROM processing_restriction WHERE request_id = ?", Long.class,
                restriction)).isEqualTo(rectification);

        completeAsTasklist(reviewTask(rectification).getId(), "priya", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        assertThat(restrictions.mayProcess(subjectId)).as("still disputed while the data is being corrected").isFalse();
        completeAsTasklist(taskOf(rectification, DataSubjectRequestProcess.TASK_CORRECT_DATA).getId(), "priya", "{}");
        runDueJobs();
        assertThat(restrictions.mayProcess(subjectId)).as("the dispute ended").isTrue();
        assertThat(jdbc.queryForObject("SELECT lifted_at FROM processing_restriction WHERE request_id = ?", Timestamp.class, restriction))
                .isNotNull();

        // A restriction with no dispute open stays until an officer lifts it.
        long standalone = submitAndVerify(email, "RESTRICTION", null);
        completeAsTasklist(reviewTask(standalone).getId(), "priya", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        assertThat(restrictions.mayProcess(subjectId)).isFalse();
        assertThat(jdbc.queryForObject("SELECT dispute_request_id FROM processing_restriction WHERE request_id = ?", Long.class,
                standalone)).isNull();
    }

    @Test
    void theVerificationLinkAfterExpiry_isRefusedOnGetAndPost_andTheRequestStaysExpired_DSR2() {
        String email = uniqueEmail("exa");
        assertThat(browser.postJson("/api/privacy-requests", "{\"email\":\"" + email + "\",\"type\":\"ACCESS\"}", null)
                .statusCode()).isEqualTo(202);
        long requestId = jdbc.queryForObject("SELECT id FROM privacy_request WHERE email = ?", Long.class, email);
        runDueJobs();
        String verify = link(mailWith(email, "/links/privacy-request/").get(0), "/links/privacy-request/");
        assertThat(browser.get(verify).statusCode()).isEqualTo(200);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60)));
        runJobsOf(instanceOf(requestId));
        HttpResponse<String> late = browser.postForm(verify, Map.of());
        assertThat(late.statusCode()).isBetween(400, 499);
        assertThat(late.body()).doesNotContain("Exception", "org.steward");
        assertThat(jdbc.queryForMap("SELECT status, verified_at FROM privacy_request WHERE id = ?", requestId))
                .containsEntry("status", "EXPIRED").containsEntry("verified_at", null);
    }

    // ---- helpers ----

    private void assertRefused(String path, String body, String field) {
        HttpResponse<String> refused = browser.postJson(path, body, "priya");
        assertThat(refused.statusCode()).as(body + " → " + refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"" + field + "\"");
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toMillis(), java.time.temporal.ChronoUnit.MILLIS);
    }

    private String instanceOf(long requestId) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId)).singleResult().getId();
    }

    /** Submits over the API and verifies through the mailed link (GET page, POST button); returns the request id. */
    private long submitAndVerify(String email, String type, String details) {
        String body = details == null ? "{\"email\":\"%s\",\"type\":\"%s\"}".formatted(email, type)
                : "{\"email\":\"%s\",\"type\":\"%s\",\"details\":\"%s\"}".formatted(email, type, details);
        HttpResponse<String> submitted = browser.postJson("/api/privacy-requests", body, null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long requestId = jdbc.queryForObject("SELECT id FROM privacy_request WHERE email = ? AND request_type = ? AND status = ?",
                Long.class, email, type, "AWAITING_VERIFICATION");
        runDueJobs();
        List<MimeMessage> mail = mailWith(email, "/links/privacy-request/");
        String verify = link(mail.get(mail.size() - 1), "/links/privacy-request/");
        assertThat(browser.get(verify).statusCode()).isEqualTo(200); // the page with the button, and its CSRF token
        assertThat(browser.postForm(verify, Map.of()).statusCode()).isEqualTo(200);
        runDueJobs();
        return requestId;
    }

    private Task reviewTask(long requestId) {
        return taskOf(requestId, DataSubjectRequestProcess.TASK_REVIEW_REQUEST);
    }

    private Task taskOf(long requestId, String key) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId))
                .taskDefinitionKey(key).singleResult();
        assertThat(task).as("%s of request %d", key, requestId).isNotNull();
        return task;
    }

    private List<MimeMessage> mailWith(String email, String text) {
        return deliverMailTo(email).stream().filter(m -> body(m).contains(text)).toList();
    }
}
