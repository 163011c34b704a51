package org.steward.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.application.ApplicationProcess;
import org.steward.breach.BreachProcess;
import org.steward.members.MemberKind;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.subjects.DataSubjects;
import org.steward.support.EveryColumn;
import org.steward.support.IntegrationTest;
import org.steward.support.LogCapture;

/**
 * Erasure end to end over real HTTP, SMTP and the engine (DSR-7, DSR-10, issue 9): a member admitted
 * through the real application flow, with a referee, an organisation, an incident member notice and
 * several mails, is erased; then an independent scan of every column of every table (ours and ACT_*)
 * finds neither their address, name or phone nor their referee's, while another member is untouched.
 * The same for a referee who had used their removal link (known only by address), for an under-age
 * member, for residue that needs the privacy officers, and for bad input. Subclasses run it on H2 and
 * MariaDB/MySQL.
 */
abstract class ErasureJourneyScenario extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private IdentityService identityService;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private DataSubjects subjects;
    @Autowired
    private Members members;
    @Autowired
    private Profiles profiles;

    /** A person in a scenario: what identifies them, unique per run. */
    record Person(String name, String email, String phone) {
        static Person unique(String first, String last) {
            String marker = Markers.unique();
            return new Person(first + " " + last + marker, uniqueEmail(first.toLowerCase()), "+49 30 " + (1_000_000 + (int) (Math.random() * 8_999_999)));
        }

        List<String> identifiers() {
            return List.of(name, email, phone);
        }
    }

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    /** Issue 9 point 7: erasure, too, logs no address (the names are unique per run and checked by the scans). */
    @AfterEach
    void engineClockBackToNow_andNoAddressWasLogged() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        try (LogCapture captured = logs) {
            assertThat(captured.linesWithPersonalData(List.of())).isEmpty();
        }
    }

    @Test
    void memberIsErasedEverywhere_withProof_whileAnotherMemberIsUntouched_DSR7() throws Exception {
        String marker = Markers.unique();
        long organisationId = organisation("Orbit " + marker, Person.unique("Ines", "Officer"));
        Person member = Person.unique("Erin", "Vale");
        Person referee = Person.unique("Rui", "Costa");
        Person other = Person.unique("Otto", "Brand");
        Person othersReferee = Person.unique("Mira", "Sol");
        Admitted admitted = admitThroughApplication(member, referee, organisationId, true);
        Admitted untouched = admitThroughApplication(other, othersReferee, organisationId, false);
        memberNoticeAboutAnIncident(organisationId);
        assertThat(subjectsOfMailTo(member.email())).contains("Welcome to the community",
                "Important: a security incident may affect your information");

        // Before: the member is in our tables, the outbox and the engine's history (a staff comment).
        assertThat(EveryColumn.holding(dataSource(), List.of(member.email())))
                .contains("data_subject.email", "outbox_message.recipient");
        assertThat(EveryColumn.holding(dataSource(), List.of(member.name())))
                .contains("data_subject.display_name", "act_hi_comment.message_");
        assertThat(browser.get(admitted.moreInformationLink()).statusCode()).isEqualTo(410); // used, but known

        // Only privacy officers ask for an erasure (AUD-1).
        String request = "{\"memberId\":" + admitted.memberId() + ",\"reason\":\"Asked by email to be forgotten\"}";
        assertThat(browser.postJson("/api/erasures", request, "peter").statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/api/erasures", request, "audrey").statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/api/erasures", request, null).statusCode()).isIn(401, 403); // no login, no CSRF token
        HttpResponse<String> accepted = browser.postJson("/api/erasures", request, "priya");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("status").asText()).isEqualTo("RUNNING");
        long erasureId = idFrom(accepted.body());

        // The confirmation goes out while we still have the address; nothing is erased before it is sent.
        runDueJobs();
        assertThat(erasure(erasureId, "audrey").get("status").asText()).isEqualTo("RUNNING");
        assertThat(count("SELECT COUNT(*) FROM data_subject WHERE email = ?", member.email())).isEqualTo(1);
        List<MimeMessage> confirmation = deliverMailTo(member.email()).stream()
                .filter(m -> subject(m).equals("Your data is being erased")).toList();
        assertThat(confirmation).hasSize(1);
        assertThat(body(confirmation.get(0))).contains(member.name());
        oneMinuteLater();

        JsonNode result = erasure(erasureId, "audrey");
        assertThat(result.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(result.get("residue")).isEmpty();
        assertThat(result.get("endedAt").isNull()).isFalse();
        assertThat(JSON.convertValue(result.get("placesCleared"), List.class)).contains(
                ErasureSteps.ENGINE_PLACE, "Membership applications and references", "Members and profiles",
                "Mail outbox", "People we hold data about");
        assertThat(result.toString()).doesNotContain(member.email(), member.name(), member.phone());

        // The independent check: not the member's, nor their referee's, address, name or phone, anywhere.
        assertThat(EveryColumn.holding(dataSource(), List.of(member.email(), member.name(), member.phone(),
                referee.email(), referee.name()))).isEmpty();
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(ApplicationProcess.businessKey(admitted.applicationId())).count()).isZero();
        assertThat(count("SELECT COUNT(*) FROM erasure_identifier WHERE erasure_id = ?", erasureId)).isZero();
        // What stays: which request, when, by whom, the places and the result; and the mails as sent.
        assertThat(jdbc.queryForMap("SELECT kind, requested_by, confirmation, member_id FROM erasure_request WHERE id = ?", erasureId))
                .containsEntry("kind", "REQUEST").containsEntry("requested_by", "priya").containsEntry("confirmation", "SENT");
        assertThat(jdbc.queryForList("SELECT template FROM outbox_message WHERE subject_ref = ?", String.class,
                "member:" + admitted.memberId())).contains("member-welcome", "incident-member-notice");
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE case_key = ? ORDER BY sequence_no", String.class,
                ErasureProcess.businessKey(erasureId)))
                .containsExactly("ERASURE_REQUESTED", "ERASURE_ERASED", "ERASURE_VERIFIED", "ERASURE_ENDED");

        // The other member: untouched.
        assertThat(members.isContactable(untouched.memberId())).isTrue();
        assertThat(members.view(untouched.memberId()).email()).isEqualTo(other.email());
        assertThat(profiles.find(members.view(untouched.memberId()).subjectId())).isPresent();
        assertThat(EveryColumn.holding(dataSource(), List.of(other.email())))
                .contains("data_subject.email", "outbox_message.recipient");
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(ApplicationProcess.businessKey(untouched.applicationId())).count()).isOne();

        // A link of theirs is now what any unknown link is.
        HttpResponse<String> erasedLink = browser.get(admitted.moreInformationLink());
        HttpResponse<String> unknownLink = browser.get("/links/more-information/" + UUID.randomUUID());
        assertThat(erasedLink.statusCode()).isEqualTo(unknownLink.statusCode()).isEqualTo(404);
        assertThat(erasedLink.body()).isEqualTo(unknownLink.body());

        // Erasing them again: 202, the same erasure, nothing new.
        long requests = count("SELECT COUNT(*) FROM erasure_request");
        HttpResponse<String> again = browser.postJson("/api/erasures", request, "priya");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(idFrom(again.body())).isEqualTo(erasureId);
        assertThat(JSON.readTree(again.body()).get("status").asText()).isEqualTo("VERIFIED");
        assertThat(count("SELECT COUNT(*) FROM erasure_request")).isEqualTo(requests);
    }

    @Test
    void refereeWhoUsedTheRemovalLink_isErasedByAddress_fromTheMailLogToo() throws Exception {
        Person applicant = Person.unique("Ada", "Quist");
        Person referee = Person.unique("Rhea", "Lund");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee, null), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        confirmApplicantEmail(applicant);
        String removal = link(deliverMailTo(referee.email()).get(0), "/links/referee-removal/");
        browser.get(removal);
        assertThat(browser.postForm(removal, Map.of()).body()).contains("Your data has been removed");
        // APP-4 removed the referee, but the mail log still names their address.
        assertThat(EveryColumn.holding(dataSource(), List.of(referee.email(), referee.name())))
                .containsExactly("outbox_message.recipient");

        HttpResponse<String> accepted = browser.postJson("/api/erasures",
                "{\"email\":\"  " + referee.email().toUpperCase() + " \",\"reason\":\"Referee asked by phone\"}", "priya");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long erasureId = idFrom(accepted.body());
        runDueJobs();

        JsonNode result = erasure(erasureId, "priya");
        assertThat(result.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(JSON.convertValue(result.get("placesCleared"), List.class)).containsExactly("Mail outbox");
        assertThat(EveryColumn.holding(dataSource(), List.of(referee.email(), referee.name()))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT confirmation FROM erasure_request WHERE id = ?", String.class, erasureId))
                .isEqualTo("NOT_SENT"); // no subject any more: nobody we could confirm to
        assertThat(deliverMailTo(referee.email())).hasSize(1); // the reference request, nothing since
        // The applicant is untouched.
        assertThat(EveryColumn.holding(dataSource(), List.of(applicant.email()))).contains("data_subject.email");
    }

    @Test
    void underAgeMember_isErasedAtOnce_withoutAMailToTheChild_DSR10() throws Exception {
        Person child = Person.unique("Kim", "Young");
        long memberId = memberWithProfile(child);
        assertThat(browser.postJson("/api/members/" + memberId + "/under-age", "", "audrey").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = browser.postJson("/api/members/987654321/under-age", "", "peter");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"title\":\"Not found\"");

        HttpResponse<String> accepted = browser.postJson("/api/members/" + memberId + "/under-age", "", "peter");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long erasureId = idFrom(accepted.body());
        runDueJobs(); // no confirmation to wait for

        assertThat(erasure(erasureId, "priya").get("status").asText()).isEqualTo("VERIFIED");
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE subject_ref = ?", "erasure:" + erasureId)).isZero();
        assertThat(deliverMailTo(child.email())).isEmpty();
        assertThat(EveryColumn.holding(dataSource(), child.identifiers())).isEmpty();
        assertThat(jdbc.queryForMap("SELECT kind, requested_by, confirmation FROM erasure_request WHERE id = ?", erasureId))
                .containsEntry("kind", "UNDER_AGE").containsEntry("requested_by", "peter").containsEntry("confirmation", "NOT_SENT");
        HttpResponse<String> again = browser.postJson("/api/members/" + memberId + "/under-age", "", "priya");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(idFrom(again.body())).isEqualTo(erasureId);
    }

    @Test
    void residueInFreeText_goesToThePrivacyOfficers_whoClearItAndScanAgain() throws Exception {
        Person member = Person.unique("Lou", "Marsh");
        long memberId = memberWithProfile(member);
        long organisationId = organisation("Delta " + UUID.randomUUID(), Person.unique("Ines", "Officer"));
        // An officer once typed the member's name into an incident: free text no place can erase by key.
        long incidentId = idFrom(browser.postJson("/api/incidents", """
                {"discoveredAt":"%s","summary":"Phished: %s clicked a fake login page.","dataCategories":["contact details"],
                 "organisationIds":[%d],"memberIds":[%d],"allMembersOfOrganisationIds":[]}"""
                .formatted(Instant.now().minusSeconds(600), member.name(), organisationId, memberId), "sam").body());

        long erasureId = idFrom(browser.postJson("/api/erasures",
                "{\"email\":\"" + member.email() + "\",\"reason\":\"Left the community\"}", "priya").body());
        runDueJobs();
        deliverMailTo(member.email());
        oneMinuteLater();

        JsonNode found = erasure(erasureId, "audrey");
        assertThat(found.get("status").asText()).isEqualTo("RESIDUE_FOUND");
        assertThat(found.get("residue").toString()).isEqualTo("[{\"table\":\"incident\",\"column\":\"summary\"}]");
        assertThat(found.get("endedAt").isNull()).isTrue();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(ErasureProcess.businessKey(erasureId)).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ErasureProcess.TASK_RESOLVE_RESIDUE);
        assertThat(task.getName()).isEqualTo("Resolve erasure residue #" + erasureId + " — 1 column");
        String view = browser.getJson("/api/staff/tasks/" + task.getId() + "/view", "priya").body();
        assertThat(view).contains("\"table\":\"incident\"", "\"column\":\"summary\"", "Left the community")
                .doesNotContain(member.name(), member.email());
        assertThat(browser.getJson("/api/staff/tasks/" + task.getId() + "/view", "peter").statusCode()).isEqualTo(403);

        // The officer rewrites the summary, then scans again.
        jdbc.update("UPDATE incident SET summary = 'Phished: a member clicked a fake login page.' WHERE id = ?", incidentId);
        HttpResponse<String> noChoice = browser.postJson("/api/staff/tasks/" + task.getId() + "/completion", "{}", "priya");
        assertThat(noChoice.statusCode()).isEqualTo(400);
        assertThat(noChoice.body()).contains("choose: scan again");
        completeAsTasklist(task.getId(), "priya", "{\"scanAgain\":true}");
        runDueJobs();
        JsonNode verified = erasure(erasureId, "audrey");
        assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(verified.get("residue")).isEmpty();
        assertThat(EveryColumn.holding(dataSource(), member.identifiers())).isEmpty();
    }

    @Test
    void badInput_getsAClearAnswer_andStoresNothing() throws Exception {
        long before = count("SELECT COUNT(*) FROM erasure_request");
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(ErasureProcess.KEY).count();
        HttpResponse<String> unknownMember = browser.postJson("/api/erasures", "{\"memberId\":987654321,\"reason\":\"x\"}", "priya");
        assertThat(unknownMember.statusCode()).isEqualTo(404);
        assertThat(unknownMember.body()).contains("\"title\":\"Not found\"", "No member 987654321");
        for (String body : List.of("{\"email\":\"not-an-email\",\"reason\":\"Asked\"}", "{\"email\":\"a@b.org\"}",
                "{\"reason\":\"Asked\"}", "{\"email\":\"a@b.org\",\"memberId\":1,\"reason\":\"Asked\"}",
                "{\"memberId\":\"12\",\"reason\":\"Asked\"}", "{\"memberId\":1.5,\"reason\":\"Asked\"}",
                "{\"email\":\"a@b.org\",\"reason\":\"Asked\",\"name\":\"Someone\"}", "[]",
                "{\"email\":\"a@b.org\",\"reason\":\"Asked\\u202e\"}")) {
            HttpResponse<String> refused = browser.postJson("/api/erasures", body, "priya");
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.body()).as(body).contains("\"errors\"").doesNotContain("java.", "Exception");
        }
        HttpResponse<String> malformed = browser.postJson("/api/erasures", "{\"email\":\"not-an-email\",\"reason\":\"Asked\"}", "priya");
        assertThat(JSON.readTree(malformed.body()).get("errors").get("email").asText()).isEqualTo("must be a valid email address");
        assertThat(browser.postJson("/api/erasures", "{\"email\":\"not-an-email\"}", "peter").statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/api/erasures", "not json", "priya").statusCode()).isEqualTo(400);
        assertThat(browser.getJson("/api/erasures/987654321", "audrey").statusCode()).isEqualTo(404);
        assertThat(browser.getJson("/api/erasures/abc", "audrey").statusCode()).isEqualTo(400);
        assertThat(browser.getJson("/api/erasures/1", "peter").statusCode()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM erasure_request")).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ErasureProcess.KEY).count()).isEqualTo(instances);

        // Someone we never knew: accepted alike (DSR-2), and the process records that it found nothing.
        HttpResponse<String> stranger = browser.postJson("/api/erasures",
                "{\"email\":\"" + uniqueEmail("stranger") + "\",\"reason\":\"Asked\"}", "priya");
        assertThat(stranger.statusCode()).isEqualTo(202);
        runDueJobs();
        JsonNode nothing = erasure(idFrom(stranger.body()), "priya");
        assertThat(nothing.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(nothing.get("placesCleared")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT person_known FROM erasure_request WHERE id = ?", Boolean.class,
                idFrom(stranger.body()))).isFalse();
        // A bare start through the engine's API carries no recorded request: refused.
        assertThat(browser.postJson("/engine-rest/process-definition/key/ErasureProcess/start", "{\"businessKey\":\"erasure-987654321\"}",
                "priya").statusCode()).isBetween(400, 599).isNotEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("erasure-987654321").count()).isZero();
    }

    // --- helpers ---

    /** What a member admitted through the application flow leaves behind for the scenario. */
    record Admitted(long applicationId, long memberId, String moreInformationLink) {
    }

    /**
     * A member admitted through the real application flow (APP-1 to APP-6): the applicant applies, the
     * referee answers through the emailed link, program staff comment on the review (the engine keeps the
     * comment), optionally ask a question the applicant answers through their link, and approve.
     */
    private Admitted admitThroughApplication(Person applicant, Person referee, Long organisationId, boolean askQuestion) {
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee, organisationId), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        confirmApplicantEmail(applicant); // issue 7 finding 6: referees hear of it only after this
        runDueJobs();

        String referenceLink = link(deliverMailTo(referee.email()).get(0), "/links/reference/");
        browser.get(referenceLink);
        assertThat(browser.postForm(referenceLink, Map.of("recommendation", "RECOMMEND", "knownForYears", "5",
                "comments", "I worked with " + applicant.name() + " for years.")).statusCode()).isEqualTo(200);
        runDueJobs();

        Task review = review(applicationId);
        taskService.createComment(review.getId(), review.getProcessInstanceId(), "Called " + applicant.name() + " about availability");
        String moreInformationLink = null;
        if (askQuestion) {
            completeAsTasklist(review.getId(), "peter", "{\"decision\":\"MORE_INFO\",\"reason\":\"Which evenings suit you?\"}");
            runDueJobs();
            moreInformationLink = link(deliverMailTo(applicant.email()).stream()
                    .filter(m -> body(m).contains("/links/more-information/")).findFirst().orElseThrow(), "/links/more-information/");
            browser.get(moreInformationLink);
            assertThat(browser.postForm(moreInformationLink, Map.of("answer", "Tuesdays, says " + applicant.name()))
                    .statusCode()).isEqualTo(200);
            review = review(applicationId);
        }
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        deliverMailTo(applicant.email());
        long memberId = jdbc.queryForObject("SELECT m.id FROM member m JOIN data_subject s ON s.id = m.subject_id WHERE s.email = ?",
                Long.class, applicant.email());
        return new Admitted(applicationId, memberId, moreInformationLink);
    }

    /** Applications are confirmed as soon as they are submitted today; a confirmation step would go here. */
    private void confirmApplicantEmail(Person applicant) {
        confirmAddress(applicant.email());
    }

    private static String applicationJson(Person applicant, Person referee, Long organisationId) {
        return """
                {"kind":"MENTOR","name":"%s","email":"%s","phone":"%s","postalCode":"10115","industry":"Software",
                 "expertise":"Scaling engineering teams","languages":["English"],"birthYear":1985,"organisationId":%s,
                 "referees":[{"name":"%s","email":"%s","relationship":"Former colleague"}]}"""
                .formatted(applicant.name(), applicant.email(), applicant.phone(), organisationId, referee.name(), referee.email());
    }

    private Task review(long applicationId) {
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId))
                .singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ApplicationProcess.TASK_REVIEW_APPLICATION);
        return review;
    }

    /** A member admitted through the members API, with a profile (the application journey proves the way in). */
    private long memberWithProfile(Person person) {
        return transaction.execute(status -> {
            long subjectId = subjects.findOrCreate(person.email(), person.name());
            profiles.record(subjectId, new Profile(MemberKind.MENTOR, person.phone(), "10115", null, "Software", "Teams",
                    null, null, "English", 2012, null, null, null));
            return members.admit(subjectId, null);
        });
    }

    private long organisation(String name, Person iso) {
        HttpResponse<String> created = browser.postJson("/api/organisations", "{\"name\":\"" + name + "\",\"website\":\"\"}", "ada");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = idFrom(created.body());
        assertThat(browser.putJson("/api/organisations/" + id + "/security-contacts",
                "{\"isoName\":\"" + iso.name() + "\",\"isoEmail\":\"" + iso.email() + "\"}", "ada").statusCode()).isEqualTo(200);
        return id;
    }

    /** BRE-1 to BRE-5: an incident affecting every member of the organisation, triaged, noticed, members told. */
    private void memberNoticeAboutAnIncident(long organisationId) {
        HttpResponse<String> reported = browser.postJson("/api/incidents", """
                {"discoveredAt":"%s","summary":"A laptop with a member export was stolen.","dataCategories":["contact details"],
                 "organisationIds":[%d],"memberIds":[],"allMembersOfOrganisationIds":[%d]}"""
                .formatted(Instant.now().minusSeconds(3600), organisationId, organisationId), "sam");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String businessKey = BreachProcess.businessKey(idFrom(reported.body()));
        runDueJobs();
        completeBreachTask(BreachProcess.TASK_TRIAGE, businessKey, "{\"genuineIncident\":true}");
        completeBreachTask(BreachProcess.TASK_APPROVE_ISO_NOTICE, businessKey, "{}");
        completeBreachTask(BreachProcess.TASK_APPROVE_MEMBER_NOTICE, businessKey, "{\"memberMessage\":\"Please change your password.\"}");
        outboxDispatcher.dispatchDue();
    }

    /** As a security officer in Tasklist: the typed input to Steward's API, then submit-form with no variables. */
    private void completeBreachTask(String taskKey, String businessKey, String inputJson) {
        Task task = taskService.createTaskQuery().processDefinitionKey(BreachProcess.KEY).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).singleResult();
        completeAsTasklist(task.getId(), "sam", inputJson);
        runDueJobs();
    }

    /** The engine's clock a little over a minute on: the process asks the outbox again about the confirmation. */
    private void oneMinuteLater() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofSeconds(90))));
        runDueJobs();
    }

    private JsonNode erasure(long id, String user) throws Exception {
        HttpResponse<String> response = browser.getJson("/api/erasures/" + id, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<String> subjectsOfMailTo(String email) {
        return deliverMailTo(email).stream().map(ErasureJourneyScenario::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private javax.sql.DataSource dataSource() {
        return jdbc.getDataSource();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
