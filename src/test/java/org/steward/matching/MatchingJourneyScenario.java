package org.steward.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.support.Markers;

/**
 * Issue 12 end to end over real HTTP, SMTP and the engine, with every member admitted through the real application
 * flow: the entrepreneur asks through the link in their welcome mail (MAT-1); the best-scoring mentor is deactivated
 * and another is restricted (DSR-6, DSR-8): neither is proposed; staff confirm in the Tasklist way (MAT-2); the
 * mentor, who learns nothing of who asks, accepts by link once (MAT-3); only then both are introduced with exactly
 * name, email and profile link (MAT-4); a check-in 30 days on is answered, the mentor closes by link, both give
 * feedback and the mentor's capacity is free again (MAT-6). Subclasses run it on H2 and MariaDB/MySQL.
 */
abstract class MatchingJourneyScenario extends MatchingIntegrationTest {

    @Test
    void entrepreneurAsks_staffConfirm_mentorAccepts_introduced_checkIn_closed_feedback() throws Exception {
        String marker = Markers.unique();
        String ana = uniqueEmail("ana");
        String bea = uniqueEmail("bea");
        String cai = uniqueEmail("cai");
        String eve = uniqueEmail("eve");
        String anaName = "Ana Mentor " + marker;
        String eveName = "Eve Founder " + marker;
        long anaId = admit(Applicant.mentor(anaName, ana, "Hamburg", "Software", "Scaling engineering teams and hiring", "English", "Portuguese"));
        // Bea and Cai would score higher than Ana (same city as Eve, the same expertise): one leaves, one is restricted.
        long beaId = admit(Applicant.mentor("Bea Mentor " + marker, bea, "Berlin", "Software", "Scaling engineering teams and hiring", "English", "Portuguese"));
        long caiId = admit(Applicant.mentor("Cai Mentor " + marker, cai, "Berlin", "Software", "Scaling engineering teams and hiring", "English", "Portuguese"));
        long eveId = admit(Applicant.entrepreneur(eveName, eve, null));
        assertThat(browser.postJson("/api/members/" + beaId + "/deactivation", "", "priya").statusCode()).isEqualTo(202);
        runDueJobs();
        long caiSubject = jdbc.queryForObject("SELECT subject_id FROM member WHERE id = ?", Long.class, caiId);
        jdbc.update("INSERT INTO processing_restriction (subject_id, request_id, reason, flagged_at) VALUES (?, 0, 'RESTRICTION', ?)",
                caiSubject, java.sql.Timestamp.from(Instant.now()));

        // MAT-1: Eve's welcome mail links her profile page and the "request a mentor" page; mentors get no request link.
        MimeMessage welcome = mail(eve, "Welcome to the community");
        String requestLink = link(welcome, "/links/match-request/");
        assertThat(link(welcome, "/links/match-profile/")).isNotBlank();
        assertThat(IntegrationTestsBody.of(mail(ana, "Welcome to the community"))).contains("/links/match-profile/")
                .doesNotContain("/links/match-request/");
        HttpResponse<String> page = browser.get(requestLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Request a mentor");
        assertThat(browser.postForm(requestLink, Map.of("need", "", "language", "Portuguese")).statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM match_request WHERE entrepreneur_member_id = ?", Long.class, eveId)).isZero();
        browser.get(requestLink);
        String need = "I need help to scale my team, marker " + marker;
        HttpResponse<String> asked = browser.postForm(requestLink, Map.of("need", need, "language", "Portuguese"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(asked.body()).contains("we are looking for a mentor");
        long requestId = jdbc.queryForObject("SELECT id FROM match_request WHERE entrepreneur_member_id = ?", Long.class, eveId);
        runDueJobs();

        // MAT-1, MAT-2: ranked with points per criterion; Bea (deactivated) and Cai (restricted) are never proposed.
        String candidates = browser.getJson("/api/match-requests/" + requestId + "/candidates", "peter").body();
        assertThat(candidates).contains("\"mentorId\":" + anaId, "\"INDUSTRY\":2.000", "\"LANGUAGE\":2.000", "\"total\":")
                .doesNotContain("\"mentorId\":" + beaId + ",", "\"mentorId\":" + caiId + ",", "@", anaName);
        assertThat(jdbc.queryForList("SELECT mentor_member_id FROM match_candidate WHERE request_id = ?", Long.class, requestId))
                .contains(anaId).doesNotContain(beaId, caiId, eveId);
        Task confirm = openTask(requestId);
        assertThat(confirm.getTaskDefinitionKey()).isEqualTo(MatchingProcesses.TASK_CONFIRM_MENTOR);
        assertThat(confirm.getName()).startsWith("Confirm mentor for request #" + requestId + " — ").doesNotContain(eveName);
        assertThat(browser.getJson("/api/staff/tasks/" + confirm.getId() + "/view", "peter").body())
                .contains("\"candidates\":[", "\"mentorId\":" + anaId, need);
        HttpResponse<String> wrong = browser.postJson("/api/staff/tasks/" + confirm.getId() + "/input",
                "{\"mentorCandidateId\":" + beaId + "}", "peter");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("mentorCandidateId", "not among this request's candidates");
        completeAsTasklist(confirm.getId(), "peter", "{\"mentorCandidateId\":" + anaId + "}");
        runDueJobs();

        // MAT-3, MAT-4: Ana is asked without Eve's name or contact; she accepts once.
        MimeMessage ask = mail(ana, "Would you mentor an entrepreneur?");
        assertThat(IntegrationTestsBody.of(ask)).contains(need, "Software", "Portuguese")
                .doesNotContain(eveName, eve, "Crumb Labs", "+351", "10117");
        String answerLink = link(ask, "/links/match-answer/");
        assertThat(browser.get(answerLink).body()).contains(need).doesNotContain(eveName, eve);
        assertThat(deliverMailTo(eve)).extracting(MatchingIntegrationTest::subjectOf).doesNotContain("Meet your mentoring match");
        HttpResponse<String> accepted = browser.postForm(answerLink, Map.of("decision", "ACCEPT"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("you will be introduced");
        browser.get(answerLink);
        assertThat(browser.postForm(answerLink, Map.of("decision", "ACCEPT")).statusCode()).as("accepting twice").isEqualTo(410);
        runDueJobs();
        long matchId = matchOf(requestId);

        // MAT-4: each gets the other's name, email and public profile link, and no other field; recorded.
        MimeMessage toAna = mail(ana, "Meet your mentoring match");
        MimeMessage toEve = mail(eve, "Meet your mentoring match");
        assertThat(IntegrationTestsBody.of(toAna)).contains(eveName, eve, "/links/match-partner/")
                .doesNotContain("Crumb Labs", "+351", "10117", "Selling software to small bakeries", need);
        assertThat(IntegrationTestsBody.of(toEve)).contains(anaName, ana, "/links/match-partner/")
                .doesNotContain("+49", "Hamburg", "Scaling engineering");
        assertThat(jdbc.queryForList("SELECT fields FROM match_introduction WHERE match_id = ?", String.class, matchId))
                .containsExactly("name,email,profile_link", "name,email,profile_link");
        HttpResponse<String> partner = browser.get(link(toEve, "/links/match-partner/"));
        assertThat(partner.body()).contains(anaName, "Scaling engineering").doesNotContain(ana, "+49");
        // No earlier mail of the flow carried either side's name or address.
        for (String template : List.of("match-mentor-request")) {
            assertThat(jdbc.queryForList("SELECT text_body FROM outbox_message WHERE template = ? AND text_body IS NOT NULL", String.class, template))
                    .isNotEmpty().allSatisfy(b -> assertThat(b).doesNotContain(eveName, eve, anaName, ana));
        }

        // MAT-6: 30 days on, both are asked how it goes; Eve answers.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
        runMatchingJobs();
        MimeMessage checkIn = mail(eve, "How is your mentoring going?");
        assertThat(IntegrationTestsBody.of(checkIn)).doesNotContain(anaName, ana);
        String checkInLink = link(checkIn, "/links/match-check-in/");
        browser.get(checkInLink);
        assertThat(browser.postForm(checkInLink, Map.of("answer", "SOMETHING")).statusCode()).isEqualTo(400);
        browser.get(checkInLink);
        assertThat(browser.postForm(checkInLink, Map.of("answer", "GOING_WELL", "comment", "Weekly calls, marker " + marker))
                .statusCode()).isEqualTo(200);
        String view = browser.getJson("/api/matches/" + matchId, "audrey").body();
        assertThat(view).contains("\"status\":\"ACTIVE\"", "\"answer\":\"GOING_WELL\"", "\"mentorId\":" + anaId)
                .doesNotContain("@", anaName, eveName, "Weekly calls");

        // MAT-6: Ana closes through the link in her check-in mail; both are asked for feedback; her capacity is free.
        String closeLink = link(mail(ana, "How is your mentoring going?"), "/links/match-close/");
        assertThat(browser.get(closeLink).body()).contains("Close your mentoring match?");
        assertThat(browser.postForm(closeLink, Map.of()).statusCode()).isEqualTo(200);
        runMatchingJobs();
        assertThat(browser.getJson("/api/matches/" + matchId, "peter").body()).contains("\"status\":\"CLOSED\"", "\"closedBy\":\"MENTOR\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mentor_match WHERE mentor_member_id = ? AND status = 'ACTIVE'", Long.class, anaId))
                .isZero();
        for (String who : List.of(ana, eve)) {
            String feedbackLink = link(mail(who, "Your match has closed: how did it go?"), "/links/match-feedback/");
            browser.get(feedbackLink);
            assertThat(browser.postForm(feedbackLink, Map.of("rating", "9")).statusCode()).isEqualTo(400);
            browser.get(feedbackLink);
            assertThat(browser.postForm(feedbackLink, Map.of("rating", "5", "comment", "Thank you")).statusCode()).isEqualTo(200);
        }
        assertThat(browser.getJson("/api/matches/" + matchId, "peter").body()).contains("\"rating\":5");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(MatchingProcesses.matchKey(matchId)).count()).isZero();

        // Free text, names and addresses never reach the engine's history.
        for (String typed : List.of(need, marker, eve, ana, eveName, anaName)) {
            assertNotInHistory(typed);
        }
    }
}
