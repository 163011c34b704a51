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
 * Issue 12 beyond the journey, over HTTP with members admitted the real way: bad input answers a clear 400 or
 * 404 and stores nothing (never 5xx); a mentor's answer link after the 7 days, twice, or of a deactivated member
 * shows the "link not valid" page; MAT-5 reports to the organisation only with ORG_REPORTING; the entrepreneur
 * closes by link and staff over the API (MAT-6); no mail before acceptance names either side, and the
 * introductions carry exactly name, email and profile link (MAT-4).
 *
 * <p>Each test gives its members an industry of its own, so its mentors lead the ranking whatever other tests left
 * in the database.
 */
class MatchingEdgeCasesTest extends MatchingIntegrationTest {

    private static final String ASK_SUBJECT = "Would you mentor an entrepreneur?";
    private static final String INTRODUCTION_SUBJECT = "Meet your mentoring match";
    private static final String ORG_REPORT_SUBJECT = "Mentoring program report";

    private final String marker = Markers.unique();

    // ---- bad input --------------------------------------------------------------------------------------

    @Test
    void staffRequest_forAnUnknownOrWrongMember_orMalformed_isAClear400_andNothingIsStored() {
        long mentorId = admit(mentor("Mo Mentor " + marker, uniqueEmail("mo"), "+49 30 555 1001"));
        long requestsBefore = count("SELECT COUNT(*) FROM match_request");

        HttpResponse<String> unknown = browser.postJson("/api/match-requests",
                "{\"entrepreneurId\":999999,\"need\":\"Help with pricing\",\"language\":\"English\"}", "peter");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("entrepreneurId", "there is no active entrepreneur 999999");
        HttpResponse<String> aMentor = browser.postJson("/api/match-requests",
                "{\"entrepreneurId\":" + mentorId + ",\"need\":\"Help with pricing\",\"language\":\"English\"}", "peter");
        assertThat(aMentor.statusCode()).isEqualTo(400);
        assertThat(aMentor.body()).contains("entrepreneurId", "there is no active entrepreneur " + mentorId);
        HttpResponse<String> missing = browser.postJson("/api/match-requests", "{}", "peter");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("entrepreneurId", "need", "language");
        HttpResponse<String> tooLong = browser.postJson("/api/match-requests",
                "{\"entrepreneurId\":999999,\"need\":\"" + "x".repeat(5000) + "\",\"language\":\"English\"}", "peter");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("need");
        for (String malformed : List.of("{", "{\"entrepreneurId\":\"abc\",\"need\":\"x\",\"language\":\"English\"}", "[]", "")) {
            HttpResponse<String> response = browser.postJson("/api/match-requests", malformed, "peter");
            assertThat(response.statusCode()).as("%s -> %s", malformed, response.body()).isEqualTo(400);
        }
        assertThat(count("SELECT COUNT(*) FROM match_request")).isEqualTo(requestsBefore);

        HttpResponse<String> noRequest = browser.getJson("/api/match-requests/999999/candidates", "peter");
        assertThat(noRequest.statusCode()).isEqualTo(404);
        assertThat(noRequest.body()).contains("There is no match request 999999");
        HttpResponse<String> noMatch = browser.getJson("/api/matches/999999", "audrey");
        assertThat(noMatch.statusCode()).isEqualTo(404);
        assertThat(noMatch.body()).contains("There is no match 999999");
        assertThat(browser.postJson("/api/matches/999999/close", "", "peter").statusCode()).isEqualTo(404);
    }

    @Test
    void answerLinks_usedTwice_afterSevenDays_orOfADeactivatedMember_showTheLinkNotValidPage() {
        String m1 = uniqueEmail("m1");
        String m2 = uniqueEmail("m2");
        long first = admit(mentor("Mia First " + marker, m1, "+49 30 555 1002"));
        long second = admit(mentor("Max Second " + marker, m2, "+49 30 555 1003"));
        String eve = uniqueEmail("eve");
        long entrepreneur = admit(entrepreneur("Eva Founder " + marker, eve, "+351 21 555 1004", null));
        long requestId = staffRequest(entrepreneur, "Sourdough logistics at scale " + marker, "English");
        confirm(requestId, first);
        String firstLink = link(mail(m1, ASK_SUBJECT), "/links/match-answer/");
        assertThat(browser.get(firstLink).statusCode()).isEqualTo(200);

        // MAT-3: eight days without an answer: Mia's link stops working, Max is asked next.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
        runMatchingJobs();
        assertThat(jdbc.queryForObject("SELECT status FROM match_attempt WHERE request_id = ? AND mentor_member_id = ?",
                String.class, requestId, first)).isEqualTo("EXPIRED");
        HttpResponse<String> late = browser.postForm(firstLink, Map.of("decision", "ACCEPT"));
        assertLinkNotUsable(late);
        assertThat(browser.get(firstLink).statusCode()).isBetween(404, 410);
        assertThat(count("SELECT COUNT(*) FROM mentor_match WHERE request_id = " + requestId)).isZero();

        // Max is asked; before he answers he leaves the community (DSR-6): his links show the "not valid" page.
        MimeMessage maxAsk = mail(m2, ASK_SUBJECT);
        String secondLink = link(maxAsk, "/links/match-answer/");
        String maxProfileLink = link(mail(m2, "Welcome to the community"), "/links/match-profile/");
        assertThat(browser.get(maxProfileLink).statusCode()).isEqualTo(200);
        assertThat(browser.postJson("/api/members/" + second + "/deactivation", "", "priya").statusCode()).isEqualTo(202);
        runDueJobs();
        runMatchingJobs();
        assertLinkNotUsable(browser.get(secondLink));
        assertLinkNotUsable(browser.postForm(secondLink, Map.of("decision", "ACCEPT")));
        HttpResponse<String> profile = browser.get(maxProfileLink);
        assertThat(profile.statusCode()).isEqualTo(404);
        assertThat(profile.body()).contains("This link is not valid");
        assertThat(jdbc.queryForObject("SELECT status FROM match_attempt WHERE request_id = ? AND mentor_member_id = ?",
                String.class, requestId, second)).isEqualTo("UNAVAILABLE");
        assertThat(count("SELECT COUNT(*) FROM mentor_match WHERE request_id = " + requestId)).isZero();
        ClockUtil.reset();
    }

    @Test
    void aMentorAcceptingTwice_getsTheUsedLinkPage_andOneMatch() {
        String m = uniqueEmail("mila");
        long mentorId = admit(mentor("Mila Mentor " + marker, m, "+49 30 555 1005"));
        long entrepreneur = admit(entrepreneur("Eli Founder " + marker, uniqueEmail("eli"), "+351 21 555 1006", null));
        long requestId = staffRequest(entrepreneur, "Sourdough logistics at scale " + marker, "English");
        confirm(requestId, mentorId);
        String answer = link(mail(m, ASK_SUBJECT), "/links/match-answer/");
        browser.get(answer);
        assertThat(browser.postForm(answer, Map.of("decision", "MAYBE")).statusCode()).isEqualTo(400);
        browser.get(answer);
        assertThat(browser.postForm(answer, Map.of("decision", "ACCEPT")).statusCode()).isEqualTo(200);
        HttpResponse<String> again = browser.postForm(answer, Map.of("decision", "ACCEPT"));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("This link has already been used");
        HttpResponse<String> decline = browser.postForm(answer, Map.of("decision", "DECLINE"));
        assertThat(decline.statusCode()).isEqualTo(410);
        runDueJobs();
        assertThat(count("SELECT COUNT(*) FROM mentor_match WHERE request_id = " + requestId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM match_attempt WHERE request_id = ?", String.class, requestId))
                .isEqualTo("ACCEPTED");
    }

    // ---- DSR-6, DSR-8: the one do-not-process check -------------------------------------------------------

    @Test
    void theBestScoringMentors_objectingOrDeactivated_areNeverProposed_aLiftedRestrictionCountsNoMore() {
        String need = "Proofing and oven lines " + marker + " sourdough logistics at scale";
        long objecting = admit(mentor("Olly Objects " + marker, uniqueEmail("olly"), "+49 30 555 1020"));
        long deactivated = admit(mentor("Dana Leaves " + marker, uniqueEmail("dana"), "+49 30 555 1021"));
        long lifted = admit(mentor("Lia Lifted " + marker, uniqueEmail("lia"), "+49 30 555 1022"));
        long weaker = admit(new Applicant("MENTOR", "Pete Weaker " + marker, uniqueEmail("pete"), "+49 30 555 1023", "20095", "Hamburg",
                industry(), "Proofing and oven lines " + marker, null, List.of("English"), null));
        long entrepreneur = admit(entrepreneur("Ida Founder " + marker, uniqueEmail("ida"), "+351 21 555 1024", null));
        flag(objecting, "OBJECTION", null);
        flag(lifted, "RESTRICTION", Instant.now());
        assertThat(browser.postJson("/api/members/" + deactivated + "/deactivation", "", "priya").statusCode()).isEqualTo(202);
        runDueJobs();

        long requestId = staffRequest(entrepreneur, need, "English");
        runDueJobs();
        List<Long> ranked = jdbc.queryForList("SELECT mentor_member_id FROM match_candidate WHERE request_id = ? ORDER BY ranking",
                Long.class, requestId);
        assertThat(ranked).startsWith(lifted, weaker).doesNotContain(objecting, deactivated, entrepreneur);
        String candidates = browser.getJson("/api/match-requests/" + requestId + "/candidates", "peter").body();
        assertThat(candidates).contains("\"mentorId\":" + lifted + ",").doesNotContain("\"mentorId\":" + objecting + ",",
                "\"mentorId\":" + deactivated + ",");
        // Staff cannot pick them by hand either.
        Task confirm = openTask(requestId);
        for (long refused : List.of(objecting, deactivated)) {
            HttpResponse<String> picked = browser.postJson("/api/staff/tasks/" + confirm.getId() + "/input",
                    "{\"mentorCandidateId\":" + refused + "}", "peter");
            assertThat(picked.statusCode()).as(picked.body()).isEqualTo(400);
            assertThat(picked.body()).contains("mentorCandidateId");
        }
    }

    /**
     * Ranking reads matching's copy of the scoring inputs: it must follow what members do after admission. A mentor
     * who leaves and comes back (DSR-6) is proposed again; one who edits their profile towards the need is ranked on
     * the new profile, and one who edits away from it no longer scores on the old one.
     */
    @Test
    void ranking_followsAReactivatedMentor_andEditedProfiles() {
        String backEmail = uniqueEmail("bo");
        long back = admit(mentor("Bo Returns " + marker, backEmail, "+49 30 555 1030"));
        String editedEmail = uniqueEmail("ed");
        long edited = admit(new Applicant("MENTOR", "Ed Edits " + marker, editedEmail, "+49 30 555 1031", "34117", "Kassel",
                "Car repair", "Engines and gearboxes", null, List.of("Turkish"), null));
        String awayEmail = uniqueEmail("al");
        long away = admit(mentor("Al Leaves The Field " + marker, awayEmail, "+49 30 555 1032"));
        long entrepreneur = admit(entrepreneur("Uma Founder " + marker, uniqueEmail("uma"), "+351 21 555 1033", null));

        assertThat(browser.postJson("/api/members/" + back + "/deactivation", "", "priya").statusCode()).isEqualTo(202);
        runDueJobs();
        String reactivation = link(mail(backEmail, "Your membership has been deactivated"), "/links/reactivation/");
        browser.get(reactivation);
        assertThat(browser.postForm(reactivation, Map.of()).body()).contains("Welcome back");
        runDueJobs();
        editProfile(editedEmail, industry(), "Proofing and oven lines " + marker + " sourdough logistics at scale", "English");
        editProfile(awayEmail, "Car repair", "Engines and gearboxes", "Turkish");

        long requestId = staffRequest(entrepreneur, "Proofing and oven lines " + marker + " sourdough logistics at scale", "English");
        runDueJobs();
        List<Long> ranked = jdbc.queryForList("SELECT mentor_member_id FROM match_candidate WHERE request_id = ? ORDER BY ranking",
                Long.class, requestId);
        assertThat(ranked).startsWith(back, edited);
        assertThat(jdbc.queryForObject("SELECT industry_points FROM match_candidate WHERE request_id = ? AND mentor_member_id = ?",
                java.math.BigDecimal.class, requestId, edited)).isEqualByComparingTo("2");
        assertThat(jdbc.queryForList("SELECT total_points FROM match_candidate WHERE request_id = ? AND mentor_member_id = ?",
                java.math.BigDecimal.class, requestId, away)).allSatisfy(total -> assertThat(total).isLessThan(new java.math.BigDecimal("3")));
    }

    /** The member changes their profile through the link in their welcome mail (MAT-1). */
    private void editProfile(String email, String industry, String expertise, String languages) {
        String profileLink = link(mail(email, "Welcome to the community"), "/links/match-profile/");
        browser.get(profileLink);
        HttpResponse<String> saved = browser.postForm(profileLink, Map.of("industry", industry, "expertise", expertise,
                "languages", languages, "city", "Hamburg", "postalCode", "20095", "capacity", "2"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private void flag(long memberId, String reason, Instant liftedAt) {
        long subject = jdbc.queryForObject("SELECT subject_id FROM member WHERE id = ?", Long.class, memberId);
        jdbc.update("INSERT INTO processing_restriction (subject_id, request_id, reason, flagged_at, lifted_at) VALUES (?, 0, ?, ?, ?)",
                subject, reason, java.sql.Timestamp.from(Instant.now()), liftedAt == null ? null : java.sql.Timestamp.from(liftedAt));
    }

    // ---- MAT-5 ----------------------------------------------------------------------------------------

    @Test
    void organisation_isToldOfTheMatchAndItsResult_onlyWithOrgReportingConsent() {
        String administrator = uniqueEmail("olga");
        HttpResponse<String> created = browser.postJson("/api/organisations", "{\"name\":\"Bakers Guild " + marker + "\"}", "ada");
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
        long organisationId = idFrom(created.body());
        assertThat(browser.putJson("/api/organisations/" + organisationId + "/administrator",
                "{\"administersMembers\":true,\"name\":\"Olga Admin\",\"email\":\"" + administrator + "\"}", "ada").statusCode())
                .isEqualTo(200);
        String m = uniqueEmail("mona");
        long mentorId = admit(mentor("Mona Mentor " + marker, m, "+49 30 555 1007"));
        String withEmail = uniqueEmail("wes");
        String withName = "Wes Consents " + marker;
        long with = admit(entrepreneur(withName, withEmail, "+351 21 555 1008", organisationId));
        String withoutEmail = uniqueEmail("nia");
        String withoutName = "Nia Declines " + marker;
        long without = admit(entrepreneur(withoutName, withoutEmail, "+351 21 555 1009", organisationId));
        assertThat(browser.postJson("/api/members/" + with + "/consents", "{\"purpose\":\"ORG_REPORTING\",\"granted\":true}", "peter")
                .statusCode()).isEqualTo(200);
        assertThat(browser.postJson("/api/members/" + without + "/consents", "{\"purpose\":\"ORG_REPORTING\",\"granted\":false}", "peter")
                .statusCode()).isEqualTo(200);

        long withMatch = matchAccepted(with, mentorId, m);
        long withoutMatch = matchAccepted(without, mentorId, m);

        List<MimeMessage> reports = mails(administrator, ORG_REPORT_SUBJECT);
        assertThat(reports).hasSize(1);
        assertThat(IntegrationTestsBody.of(reports.get(0))).contains(withName, withEmail, "ACTIVE")
                .doesNotContain(withoutName, withoutEmail, "Mona Mentor", m);
        assertThat(count("SELECT COUNT(*) FROM match_org_report WHERE match_id = " + withMatch)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM match_org_report WHERE match_id = " + withoutMatch)).isZero();

        // At close the result goes to the organisation too, again only for the one who consented.
        for (long matchId : List.of(withMatch, withoutMatch)) {
            assertThat(browser.postJson("/api/matches/" + matchId + "/close", "", "peter").statusCode()).isEqualTo(200);
        }
        runMatchingJobs();
        List<MimeMessage> all = mails(administrator, ORG_REPORT_SUBJECT);
        assertThat(all).hasSize(2);
        assertThat(IntegrationTestsBody.of(all.get(1))).contains(withName, "CLOSED").doesNotContain(withoutName, withoutEmail);
        assertThat(jdbc.queryForList("SELECT report_kind FROM match_org_report WHERE match_id = ? ORDER BY id", String.class, withMatch))
                .hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM match_org_report WHERE match_id = " + withoutMatch)).isZero();
    }

    // ---- MAT-4, MAT-6 ---------------------------------------------------------------------------------

    @Test
    void noMailBeforeAcceptanceNamesEitherSide_introductionsCarryExactlyNameEmailProfile_entrepreneurClosesByLink() {
        String m = uniqueEmail("mira");
        String mentorName = "Mira Mentor " + marker;
        String mentorPhone = "+49 30 555 1010";
        long mentorId = admit(mentor(mentorName, m, mentorPhone));
        String e = uniqueEmail("emil");
        String entrepreneurName = "Emil Founder " + marker;
        String entrepreneurPhone = "+351 21 555 1011";
        long entrepreneur = admit(entrepreneur(entrepreneurName, e, entrepreneurPhone, null));
        long outboxBefore = count("SELECT COALESCE(MAX(id), 0) FROM outbox_message");

        long requestId = staffRequest(entrepreneur, "Sourdough logistics at scale " + marker, "English");
        confirm(requestId, mentorId);
        String answer = link(mail(m, ASK_SUBJECT), "/links/match-answer/");
        browser.get(answer);
        List<Map<String, Object>> beforeAcceptance = jdbc.queryForList(
                "SELECT template, recipient, subject, text_body, html_body FROM outbox_message WHERE id > ?", outboxBefore);
        assertThat(beforeAcceptance).extracting(row -> row.get("template")).contains("match-mentor-request");
        for (Map<String, Object> row : beforeAcceptance) {
            String mail = row.get("subject") + "\n" + row.get("text_body") + "\n" + row.get("html_body");
            assertThat(mail).as("mail %s before acceptance", row.get("template"))
                    .doesNotContain(mentorName, m, entrepreneurName, e, mentorPhone, entrepreneurPhone, "Crumb " + marker);
        }
        assertThat(browser.postForm(answer, Map.of("decision", "ACCEPT")).statusCode()).isEqualTo(200);
        runDueJobs();
        long matchId = matchOf(requestId);

        // MAT-4: the partner's name, email and profile link, and none of the partner's other fields.
        String toMentor = IntegrationTestsBody.of(mail(m, INTRODUCTION_SUBJECT));
        String toEntrepreneur = IntegrationTestsBody.of(mail(e, INTRODUCTION_SUBJECT));
        assertIntroduction(toMentor, entrepreneurName, e, List.of(entrepreneurPhone, "10117", "Berlin", "Crumb " + marker,
                "Selling bread " + marker, "Sourdough logistics at scale", mentorName, m));
        assertIntroduction(toEntrepreneur, mentorName, m, List.of(mentorPhone, "20095", "Hamburg", "Proofing and oven lines " + marker,
                entrepreneurName, e));
        for (String template : List.of("match-introduction")) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT text_body, html_body FROM outbox_message WHERE template = ? AND id > ?",
                    template, outboxBefore)) {
                String html = (String) row.get("html_body");
                assertThat(html).doesNotContain(entrepreneurPhone, mentorPhone, "Crumb " + marker, "Hamburg", "Berlin");
            }
        }
        assertThat(jdbc.queryForList("SELECT fields FROM match_introduction WHERE match_id = ?", String.class, matchId))
                .containsExactly(Matches.INTRODUCED_FIELDS, Matches.INTRODUCED_FIELDS);

        // MAT-6: the entrepreneur closes through the link in the introduction; the link works once.
        String close = link(mail(e, INTRODUCTION_SUBJECT), "/links/match-close/");
        assertThat(browser.get(close).body()).contains("Close your mentoring match?");
        HttpResponse<String> closed = browser.postForm(close, Map.of());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(browser.postForm(close, Map.of()).statusCode()).isEqualTo(410);
        runMatchingJobs();
        assertThat(browser.getJson("/api/matches/" + matchId, "peter").body())
                .contains("\"status\":\"CLOSED\"", "\"closedBy\":\"ENTREPRENEUR\"");
        assertThat(count("SELECT COUNT(*) FROM mentor_match WHERE mentor_member_id = " + mentorId + " AND status = 'ACTIVE'")).isZero();
        for (String who : List.of(m, e)) {
            assertThat(IntegrationTestsBody.of(mail(who, "Your match has closed: how did it go?")))
                    .contains("/links/match-feedback/").doesNotContain(mentorName, entrepreneurName);
        }
        // The mentor's close link from the introduction no longer works once the match is closed.
        assertLinkNotUsable(browser.postForm(link(mail(m, INTRODUCTION_SUBJECT), "/links/match-close/"), Map.of()));
    }

    @Test
    void staffCloseAMatchOverTheApi_once_andOnlyProgramStaff() {
        String m = uniqueEmail("mats");
        long mentorId = admit(mentor("Mats Mentor " + marker, m, "+49 30 555 1012"));
        String e = uniqueEmail("enzo");
        long entrepreneur = admit(entrepreneur("Enzo Founder " + marker, e, "+351 21 555 1013", null));
        long matchId = matchAccepted(entrepreneur, mentorId, m);

        assertThat(browser.postJson("/api/matches/" + matchId + "/close", "", "audrey").statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/api/matches/" + matchId + "/close", "", "sam").statusCode()).isEqualTo(403);
        HttpResponse<String> closed = browser.postJson("/api/matches/" + matchId + "/close", "", "peter");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(closed.body()).contains("\"status\":\"CLOSED\"", "\"closedBy\":\"STAFF\"").doesNotContain("peter", "@");
        HttpResponse<String> again = browser.postJson("/api/matches/" + matchId + "/close", "", "peter");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("closed already");
        runMatchingJobs();
        assertThat(mails(m, "Your match has closed: how did it go?")).hasSize(1);
        assertThat(mails(e, "Your match has closed: how did it go?")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM mentor_match WHERE mentor_member_id = " + mentorId + " AND status = 'ACTIVE'")).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(MatchingProcesses.matchKey(matchId)).count())
                .isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private String industry() {
        return "Artisan bakery " + marker;
    }

    private Applicant mentor(String name, String email, String phone) {
        return new Applicant("MENTOR", name, email, phone, "20095", "Hamburg", industry(), "Proofing and oven lines " + marker
                + " sourdough logistics at scale", null, List.of("English"), null);
    }

    private Applicant entrepreneur(String name, String email, String phone, Long organisationId) {
        return new Applicant("ENTREPRENEUR", name, email, phone, "10117", "Berlin", industry(), "Selling bread " + marker, "Crumb " + marker,
                List.of("English"), organisationId);
    }

    /** Staff confirm this mentor in the Tasklist way (MAT-2); the mentor is asked. */
    private void confirm(long requestId, long mentorId) {
        runDueJobs();
        Task confirm = openTask(requestId);
        assertThat(confirm.getTaskDefinitionKey()).isEqualTo(MatchingProcesses.TASK_CONFIRM_MENTOR);
        completeAsTasklist(confirm.getId(), "peter", "{\"mentorCandidateId\":" + mentorId + "}");
        runDueJobs();
    }

    /** A staff request for the entrepreneur that this mentor accepts; returns the match id. */
    private long matchAccepted(long entrepreneurId, long mentorId, String mentorEmail) {
        int asked = mails(mentorEmail, ASK_SUBJECT).size();
        long requestId = staffRequest(entrepreneurId, "Sourdough logistics at scale " + marker, "English");
        confirm(requestId, mentorId);
        List<MimeMessage> asks = mails(mentorEmail, ASK_SUBJECT);
        assertThat(asks).hasSize(asked + 1);
        String answer = link(asks.get(asks.size() - 1), "/links/match-answer/");
        browser.get(answer);
        assertThat(browser.postForm(answer, Map.of("decision", "ACCEPT")).statusCode()).isEqualTo(200);
        runDueJobs();
        return matchOf(requestId);
    }

    private static void assertIntroduction(String body, String partnerName, String partnerEmail, List<String> neverThere) {
        assertThat(body).contains("Name: " + partnerName, "Email: " + partnerEmail).containsPattern("Profile: \\S+/links/match-partner/");
        for (String field : neverThere) {
            assertThat(body).as("introduction carries '%s'", field).doesNotContain(field);
        }
    }

    private static void assertLinkNotUsable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(404, 410);
        assertThat(response.body()).contains("Link not usable").containsPattern("This link (is not valid|has expired|has already been used)");
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
