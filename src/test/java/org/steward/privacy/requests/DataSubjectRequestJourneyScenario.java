package org.steward.privacy.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.Markers;
import org.steward.consent.ConsentCheck;
import org.steward.privacy.ExpiringExports;
import org.steward.privacy.PrivacyJourney;
import org.steward.privacy.ProcessingRestrictions;
import org.steward.support.Browser;

/**
 * Data-subject requests end to end over real HTTP, SMTP and the engine (issue 10): a member admitted the
 * real way asks for ACCESS, verifies through the mailed link, a privacy officer approves in Tasklist's
 * way, and the member downloads an export holding their profile and the mails we sent them (DSR-9);
 * RESTRICTION makes the one do-not-process check say no (DSR-8); ERASURE is carried out by the erasure
 * process (DSR-7). Known and unknown addresses get the same answer (DSR-2); what the requester typed
 * never reaches the engine's history. Subclasses run it on H2 and MariaDB/MySQL.
 */
abstract class DataSubjectRequestJourneyScenario extends PrivacyJourney {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ProcessingRestrictions restrictions;
    @Autowired
    private List<ExpiringExports> expiringExports;
    @Autowired
    private ConsentCheck consentCheck;

    @Test
    void access_verified_approved_theMemberDownloadsAnExportOfTheirProfileAndMails_DSR9() throws Exception {
        String marker = Markers.unique();
        String name = "Dana Export" + marker;
        String email = uniqueEmail("dana");
        long memberId = admitThroughApplication(name, email);
        String details = "Everything please, reference " + marker + " and my old phone";

        long requestId = submitAndVerify(email, "ACCESS", details);
        Task review = reviewTask(requestId);
        assertThat(review.getName()).isEqualTo("Review access request #" + requestId);
        String view = browser.getJson("/api/staff/tasks/" + review.getId() + "/view", "priya").body();
        assertThat(view).contains("Members and profiles", name, details);
        assertThat(browser.getJson("/api/staff/tasks/" + review.getId() + "/view", "peter").statusCode()).isEqualTo(403);

        completeAsTasklist(review.getId(), "priya", "{\"decision\":\"APPROVE\"}");
        runDueJobs();

        List<MimeMessage> exportMail = mailWith(email, "/links/privacy-export/");
        assertThat(exportMail).hasSize(1);
        assertThat(exportMail.get(0).getSubject()).isEqualTo("Your data is ready to download");
        String download = link(exportMail.get(0), "/links/privacy-export/");
        assertThat(browser.get(download).statusCode()).isEqualTo(200);
        HttpResponse<String> json = browser.postForm(download, Map.of("format", "json"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        JsonNode export = JSON.readTree(json.body());
        assertThat(export.get("places").has("Members and profiles")).isTrue();
        assertThat(json.body()).contains(name, email, "Welcome to the community");
        HttpResponse<String> html = browser.postForm(download, Map.of("format", "html"));
        assertThat(html.body()).contains("What we hold about you", name);

        JsonNode answered = JSON.readTree(browser.getJson("/api/privacy-requests/" + requestId, "audrey").body());
        assertThat(answered.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(answered.get("type").asText()).isEqualTo("ACCESS");
        assertThat(answered.get("deadlineMet").asBoolean()).isTrue();
        assertThat(answered.get("dueAt").isNull()).isFalse();
        assertThat(answered.toString()).doesNotContain(email, details);
        assertThat(browser.getJson("/api/privacy-requests?status=COMPLETED", "priya").body()).contains("\"id\":" + requestId);
        assertThat(browser.getJson("/api/privacy-requests/" + requestId, "peter").statusCode()).isEqualTo(403);
        assertThat(browser.getJson("/api/privacy-requests/" + requestId, null).statusCode()).isEqualTo(401);

        assertNotInHistory(details);
        assertNotInHistory(email);
        assertThat(memberId).isPositive();

        // RET-1, DSR-9: the sweep deletes the export once its link expired; the link then finds nothing to download.
        assertThat(expiringExports.stream().mapToInt(e -> e.deleteExpired(Instant.now().plus(Duration.ofDays(8)))).sum())
                .isGreaterThanOrEqualTo(1);
        assertThat(browser.postForm(download, Map.of("format", "json")).statusCode()).isEqualTo(410);
    }

    @Test
    void restriction_makesTheOneDoNotProcessCheckSayNo_forThatMemberOnly_DSR8() {
        String email = uniqueEmail("rhea");
        long memberId = admitThroughApplication("Rhea Restrict", email);
        long other = admitThroughApplication("Otis Other", uniqueEmail("otis"));
        assertThat(restrictions.mayProcess(subjectOf(memberId))).isTrue();
        staffRecordsMarketing(memberId);
        staffRecordsMarketing(other);

        long requestId = submitAndVerify(email, "RESTRICTION", null);
        completeAsTasklist(reviewTask(requestId).getId(), "priya", "{\"decision\":\"APPROVE\"}");
        runDueJobs();

        assertThat(restrictions.mayProcess(subjectOf(memberId))).isFalse();
        assertThat(restrictions.mayProcess(subjectOf(other))).isTrue();
        assertThat(restrictions.processable(List.of(subjectOf(memberId), subjectOf(other)))).containsExactly(subjectOf(other));
        // Consent's one question asks it too: granted MARKETING, but flagged, so no (DSR-8, CON-2).
        assertThat(consentCheck.mayProcess(memberId, "MARKETING")).isFalse();
        assertThat(consentCheck.mayProcess(other, "MARKETING")).isTrue();
        assertThat(deliverMailTo(email).stream().map(m -> subjectOf(m))).contains("Your request is done");

        // No marketing while flagged: the newsletter goes to the other consenting member, not to them.
        HttpResponse<String> newsletter = browser.postJson("/api/newsletters",
                "{\"subject\":\"Restricted news\",\"text\":\"Hello\"}", "peter");
        assertThat(newsletter.statusCode()).as(newsletter.body()).isEqualTo(202);
        long newsletterId = idFrom(newsletter.body());
        runDueJobs();
        String queued = "SELECT COUNT(*) FROM outbox_message WHERE idempotency_key = ?";
        assertThat(jdbc.queryForObject(queued, Long.class, "newsletter-" + newsletterId + "-member-" + other)).isEqualTo(1);
        assertThat(jdbc.queryForObject(queued, Long.class, "newsletter-" + newsletterId + "-member-" + memberId)).isZero();

        // The dispute ends: only a privacy officer lifts the flag, and the member may be processed again.
        String lift = "/api/privacy-requests/" + requestId + "/lift-restriction";
        assertThat(browser.postJson(lift, "", "peter").statusCode()).isEqualTo(403);
        HttpResponse<String> lifted = browser.postJson(lift, "", "priya");
        assertThat(lifted.body()).isEqualTo("{\"lifted\":true}");
        assertThat(restrictions.mayProcess(subjectOf(memberId))).isTrue();
        assertThat(consentCheck.mayProcess(memberId, "MARKETING")).isTrue();
    }

    @Test
    void refusal_needsAReason_whichTheRequesterReceives_andWhichNeverReachesTheEngine_DSR4() {
        String email = uniqueEmail("ruth");
        long requestId = submitAndVerify(email, "PORTABILITY", null);
        Task review = reviewTask(requestId);
        HttpResponse<String> noReason = browser.postJson("/api/staff/tasks/" + review.getId() + "/input", "{\"decision\":\"REFUSE\"}", "priya");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        String reason = "We hold nothing under this address " + UUID.randomUUID();
        completeAsTasklist(review.getId(), "priya", "{\"decision\":\"REFUSE\",\"reason\":\"" + reason + "\"}");
        runDueJobs();

        List<MimeMessage> refusal = mailWith(email, reason);
        assertThat(refusal).hasSize(1);
        assertThat(subjectOf(refusal.get(0))).isEqualTo("About your request");
        assertThat(jdbc.queryForObject("SELECT status FROM privacy_request WHERE id = ?", String.class, requestId)).isEqualTo("REFUSED");
        assertThat(jdbc.queryForObject("SELECT deadline_met FROM privacy_request_deadline WHERE request_id = ?", Boolean.class,
                requestId)).isTrue();
        assertNotInHistory(reason);
    }

    private void staffRecordsMarketing(long memberId) {
        HttpResponse<String> recorded = browser.postJson("/api/members/" + memberId + "/consents",
                "{\"purpose\":\"MARKETING\",\"granted\":true}", "peter");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    }

    @Test
    void erasure_isCarriedOutByTheErasureProcess_andTheRequesterIsTold_DSR7() {
        String email = uniqueEmail("erin");
        long memberId = admitThroughApplication("Erin Erase", email);
        long requestId = submitAndVerify(email, "ERASURE", "Please forget me entirely");
        completeAsTasklist(reviewTask(requestId).getId(), "priya", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        assertThat(deliverMailTo(email).stream().map(m -> subjectOf(m))).contains("Your data is being erased");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofSeconds(90))));
        runDueJobs();

        assertThat(jdbc.queryForObject("SELECT status FROM erasure_request WHERE member_id = ?", String.class, memberId))
                .isEqualTo("VERIFIED");
        assertThat(jdbc.queryForMap("SELECT status, email FROM privacy_request WHERE id = ?", requestId))
                .containsEntry("status", "COMPLETED").containsEntry("email", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy_request_text WHERE request_id = ?", Integer.class, requestId)).isZero();
    }

    @Test
    void knownAndUnknownAddresses_getTheSameAnswer_andASecondRequestIsMerged_DSR2() {
        String known = uniqueEmail("kim");
        admitThroughApplication("Kim Known", known);
        HttpResponse<String> forKnown = new Browser(port).postJson("/api/privacy-requests", request(known, "ACCESS", null), null);
        HttpResponse<String> forUnknown = new Browser(port).postJson("/api/privacy-requests",
                request(uniqueEmail("nobody"), "ACCESS", null), null);
        assertThat(forKnown.statusCode()).isEqualTo(202).isEqualTo(forUnknown.statusCode());
        assertThat(forKnown.body()).isEqualTo(forUnknown.body()).contains("\"message\"");
        assertThat(headers(forKnown)).isEqualTo(headers(forUnknown));

        HttpResponse<String> again = new Browser(port).postJson("/api/privacy-requests", request(known, "ACCESS", "Also my notes"), null);
        assertThat(again.body()).isEqualTo(forKnown.body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy_request WHERE email = ?", Integer.class, known)).isEqualTo(1);
        runDueJobs();
        assertThat(deliverMailTo(known).stream().map(m -> subjectOf(m))).contains("Your request is already with us");
    }

    @Test
    void unverified_expiresAfterSevenDays_theAddressGoes_andTheLinkNoLongerWorks_DSR2() {
        String email = uniqueEmail("una");
        assertThat(browser.postJson("/api/privacy-requests", request(email, "OBJECTION", "Stop it"), null).statusCode()).isEqualTo(202);
        long requestId = requestIdOf(email, "OBJECTION");
        runDueJobs();
        String verify = link(mailWith(email, "/links/privacy-request/").get(0), "/links/privacy-request/");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60)));
        runJobsOf(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId)).singleResult().getId());
        assertThat(jdbc.queryForMap("SELECT status, email FROM privacy_request WHERE id = ?", requestId))
                .containsEntry("status", "EXPIRED").containsEntry("email", null);
        HttpResponse<String> late = browser.get(verify);
        assertThat(late.statusCode()).isBetween(400, 499);
    }

    @Test
    void aSlowAnswer_asksForDetails_remindsOnDay20_escalatesOnDay27_andMissesTheDeadline_DSR3() throws Exception {
        String email = uniqueEmail("sol");
        long requestId = submitAndVerify(email, "RECTIFICATION", "My city is wrong");
        String instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId)).singleResult().getId();
        String question = "Which city is right? " + UUID.randomUUID();
        completeAsTasklist(reviewTask(requestId).getId(), "priya", "{\"decision\":\"ASK_FOR_DETAILS\",\"reason\":\"" + question + "\"}");
        runJobsOf(instance);
        assertThat(mailWith(email, question)).hasSize(1);
        assertThat(reviewTask(requestId).getName()).isEqualTo("Review rectification request #" + requestId);

        Instant verified = Instant.now();
        ClockUtil.setCurrentTime(Date.from(verified.plus(Duration.ofDays(20)).plusSeconds(60)));
        runJobsOf(instance);
        assertThat(mailWith("priya@steward.local", "#" + requestId)).singleElement()
                .satisfies(m -> assertThat(body(m)).contains("Reminder", "rectification"));
        ClockUtil.setCurrentTime(Date.from(verified.plus(Duration.ofDays(27)).plusSeconds(60)));
        runJobsOf(instance);
        assertThat(mailWith("priya@steward.local", "#" + requestId)).hasSize(2)
                .anySatisfy(m -> assertThat(body(m)).contains("Escalation"));

        ClockUtil.setCurrentTime(Date.from(verified.plus(Duration.ofDays(31))));
        completeAsTasklist(reviewTask(requestId).getId(), "priya", "{\"decision\":\"APPROVE\"}");
        runJobsOf(instance);
        // An address we hold nothing for: the officer finds nothing to correct and completes the task empty.
        completeAsTasklist(task(requestId, DataSubjectRequestProcess.TASK_CORRECT_DATA).getId(), "priya", "{}");
        runJobsOf(instance);
        JsonNode answered = JSON.readTree(browser.getJson("/api/privacy-requests/" + requestId, "audrey").body());
        assertThat(answered.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(answered.get("deadlineMet").asBoolean()).isFalse();
        assertThat(deliverMailTo(email).stream().map(m -> subjectOf(m))).contains("Your request is done");
        assertNotInHistory(question);
    }

    @Test
    void privacyOfficers_fileARequestOnSomeonesBehalf_alreadyVerified() throws Exception {
        String email = uniqueEmail("phil");
        String body = request(email, "ACCESS", "Asked by phone");
        assertThat(browser.postJson("/api/privacy-requests/on-behalf", body, "peter").statusCode()).isEqualTo(403);
        HttpResponse<String> filed = browser.postJson("/api/privacy-requests/on-behalf", body, "priya");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode view = JSON.readTree(filed.body());
        assertThat(view.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(view.get("dueAt").isNull()).isFalse();
        long requestId = view.get("id").asLong();
        assertThat(reviewTask(requestId).getName()).isEqualTo("Review access request #" + requestId);
        runDueJobs();
        assertThat(mailWith(email, "/links/privacy-request/")).isEmpty(); // no verification link: staff verified it
    }

    // ---- helpers ----

    /** Submits over the API, verifies through the mailed link (GET page, POST button); returns the request id. */
    private long submitAndVerify(String email, String type, String details) {
        HttpResponse<String> submitted = browser.postJson("/api/privacy-requests", request(email, type, details), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long requestId = requestIdOf(email, type);
        runDueJobs();
        List<MimeMessage> mail = mailWith(email, "/links/privacy-request/");
        assertThat(mail).as("verification mail").hasSize(1);
        String verify = link(mail.get(0), "/links/privacy-request/");
        assertThat(browser.get(verify).statusCode()).isEqualTo(200);
        HttpResponse<String> verified = browser.postForm(verify, Map.of());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).contains("Your request is confirmed");
        assertThat(browser.postForm(verify, Map.of()).statusCode()).as("replayed link").isEqualTo(410);
        runDueJobs();
        return requestId;
    }

    private long requestIdOf(String email, String type) {
        return jdbc.queryForObject("SELECT id FROM privacy_request WHERE email = ? AND request_type = ?", Long.class, email, type);
    }

    private Task reviewTask(long requestId) {
        return task(requestId, DataSubjectRequestProcess.TASK_REVIEW_REQUEST);
    }

    private Task task(long requestId, String taskDefinitionKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId))
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as("%s of request %d", taskDefinitionKey, requestId).isNotNull();
        return task;
    }

    private List<MimeMessage> mailWith(String email, String text) {
        return deliverMailTo(email).stream().filter(m -> body(m).contains(text)).toList();
    }

    private static String request(String email, String type, String details) {
        return details == null ? "{\"email\":\"%s\",\"type\":\"%s\"}".formatted(email, type)
                : "{\"email\":\"%s\",\"type\":\"%s\",\"details\":\"%s\"}".formatted(email, type, details);
    }

    private static Map<String, List<String>> headers(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        headers.remove("content-length");
        return headers;
    }
}
