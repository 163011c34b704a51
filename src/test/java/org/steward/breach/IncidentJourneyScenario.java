package org.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;
import org.steward.support.IntegrationTest;

/**
 * A security incident end to end over real HTTP, SMTP and the engine (BRE-1 to BRE-6): an admin
 * records the organisations' security contacts, a security officer reports the incident through the
 * API, the officers complete every task the way Tasklist does (the typed input to Steward's task API,
 * then the engine's submit-form with no variables), and the incident closes. Every mail and its
 * recipients are checked; each affected member gets exactly one member notice and a deactivated member
 * none; every deadline and approval is in our tables (BRE-6, issue 7 finding 2); and nothing typed, no
 * summary, name or email is in any ACT_HI_* table (issue 15). Subclasses run it on H2 and MariaDB/MySQL.
 */
abstract class IncidentJourneyScenario extends IntegrationTest {

    private static final List<String> WRITTEN_PARTS = List.of("nature", "informationType", "obtainedBy",
            "investigationSteps", "mitigationSteps", "contactPoint");
    private static final List<String> STATUS_PARTS = List.of("perpetrators", "informationAbused", "furtherInvestigation",
            "furtherMitigation", "correctiveAction");
    static final String SUMMARY = "A laptop with a member export was stolen.";

    private final ObjectMapper json = new ObjectMapper();
    @Autowired
    private Members members;
    @Autowired
    private DataSubjects subjects;
    @Autowired
    private TransactionTemplate transaction;

    @AfterEach
    void engineClockBackToNow() {
        ClockUtil.reset();
    }

    @Test
    void incidentGoesFromReportThroughNoticesAndReportsToClosure() throws Exception {
        String marker = Markers.unique();
        // BRE-2: administrators keep each organisation's ISO and alternate contact.
        String isoA = uniqueEmail("iso-a");
        String alternateA = uniqueEmail("alt-a");
        String isoB = uniqueEmail("iso-b");
        long orgA = organisation("Acme " + marker, isoA, alternateA);
        long orgB = organisation("Beta " + marker, isoB, null);

        List<String> membersOfA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            membersOfA.add(uniqueEmail("member-a" + i));
            member(membersOfA.get(i), orgA);
        }
        String deactivatedOfA = uniqueEmail("gone-a");
        members.deactivate(member(deactivatedOfA, orgA));
        String listedOfB = uniqueEmail("member-b");
        long listedOfBId = member(listedOfB, orgB);
        String unaffectedOfB = uniqueEmail("other-b");
        member(unaffectedOfB, orgB);

        // Bad input: nothing stored, nothing started, nothing sent.
        long incidentsBefore = count("SELECT COUNT(*) FROM incident");
        long outboxBefore = count("SELECT COUNT(*) FROM outbox_message");
        Instant discovered = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> future = browser.postJson("/api/incidents",
                incidentJson(Instant.now().plus(Duration.ofHours(3)), List.of(orgA), List.of(), List.of(orgA)), "sam");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("\"discoveredAt\"", "cannot lie in the future");
        HttpResponse<String> unknown = browser.postJson("/api/incidents",
                incidentJson(discovered, List.of(orgA, 987654321L), List.of(), List.of()), "sam");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"organisationIds\"", "no member organisation with id 987654321");
        HttpResponse<String> blankSummary = browser.postJson("/api/incidents", """
                {"discoveredAt":"%s","summary":" ","dataCategories":[],"organisationIds":[%d]}""".formatted(discovered, orgA), "sam");
        assertThat(blankSummary.statusCode()).isEqualTo(400);
        assertThat(blankSummary.body()).contains("\"summary\"", "\"dataCategories\"");
        HttpResponse<String> notAnOfficer = browser.postJson("/api/incidents",
                incidentJson(discovered, List.of(orgA), List.of(), List.of()), "peter");
        assertThat(notAnOfficer.statusCode()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM incident")).isEqualTo(incidentsBefore);
        assertThat(count("SELECT COUNT(*) FROM outbox_message")).isEqualTo(outboxBefore);

        // BRE-1: a security officer reports it; the answer names the notice and 72-hour deadlines (BRE-2, BRE-6).
        HttpResponse<String> reported = browser.postJson("/api/incidents",
                incidentJson(discovered, List.of(orgA, orgB), List.of(listedOfBId), List.of(orgA)), "sam");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = idFrom(reported.body());
        assertThat(reported.body()).contains("\"noticeDeadline\":\"" + discovered.plus(Duration.ofHours(24)) + "\"",
                "\"supervisoryAuthorityDeadline\":\"" + discovered.plus(Duration.ofHours(72)) + "\"");
        String businessKey = BreachProcess.businessKey(incidentId);
        assertThat(businessKey).isEqualTo("incident-" + incidentId);
        runDueJobs();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult()
                .getProcessDefinitionId()).startsWith(BreachProcess.KEY);

        // The triage form's view: the incident and its deadlines from our tables; named by case and deadline (issue 8).
        Task triage = task(businessKey, BreachProcess.TASK_TRIAGE);
        assertThat(triage.getName()).isEqualTo("Triage incident #" + incidentId + " — notice due "
                + utc(discovered.plus(Duration.ofHours(24))));
        assertThat(triage.getDueDate()).isEqualTo(Date.from(discovered.plus(Duration.ofHours(24))));
        HttpResponse<String> view = browser.getJson("/api/staff/tasks/" + triage.getId() + "/view", "sam");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"caseKey\":\"" + businessKey + "\"", SUMMARY, "Acme " + marker,
                "\"kind\":\"ISO_NOTICE\"", "\"state\":\"OPEN\"", "\"kind\":\"SUPERVISORY_AUTHORITY\"");
        assertThat(browser.getJson("/api/staff/tasks/" + triage.getId() + "/view", "peter").statusCode()).isEqualTo(403);

        completeAsTasklist(triage.getId(), "sam", "{\"genuineIncident\":true}");
        runDueJobs();
        Task approve = task(businessKey, BreachProcess.TASK_APPROVE_ISO_NOTICE);
        assertThat(approve.getName()).isEqualTo("Approve ISO notice for incident #" + incidentId + " — due "
                + utc(discovered.plus(Duration.ofHours(24))) + ", 2 organisations");
        completeAsTasklist(approve.getId(), "sam", "{}");
        runDueJobs();

        // BRE-2: one notice per contact of each organisation.
        assertThat(subjects(isoA)).containsExactly("Security incident notice from Steward");
        assertThat(subjects(alternateA)).containsExactly("Security incident notice from Steward");
        List<MimeMessage> noticeB = deliverMailTo(isoB);
        assertThat(noticeB).hasSize(1);
        assertThat(body(noticeB.get(0))).contains("Beta " + marker, "#" + incidentId, "laptop");

        // BRE-3: a blank part is refused with a field message (400): the task stays, nothing is stored or sent.
        Task written = task(businessKey, BreachProcess.TASK_WRITE_WRITTEN_REPORT);
        assertThat(written.getName()).startsWith("Write written report for incident #" + incidentId + " — due ");
        Map<String, Object> writtenParts = parts(WRITTEN_PARTS, "written-" + marker);
        writtenParts.put("obtainedBy", "  ");
        HttpResponse<String> blank = browser.postJson("/api/staff/tasks/" + written.getId() + "/input", write(writtenParts), "sam");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"obtainedBy\"", "not yet known").doesNotContain("ENGINE-");
        HttpResponse<String> blankViaEngine = browser.postJson("/engine-rest/task/" + written.getId() + "/submit-form",
                "{\"variables\":{}}", "sam");
        assertThat(blankViaEngine.statusCode()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM incident_report WHERE incident_id = " + incidentId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM staff_task_input WHERE task_id = '" + written.getId() + "'")).isZero();
        writtenParts.put("obtainedBy", "not yet known");
        completeAsTasklist(written.getId(), "sam", write(writtenParts));
        runDueJobs();
        for (String contact : List.of(isoA, alternateA, isoB)) {
            List<MimeMessage> mails = deliverMailTo(contact);
            assertThat(mails).extracting(MimeMessage::getSubject)
                    .containsExactly("Security incident notice from Steward", "Security incident: written report");
            assertThat(body(mails.get(1))).contains("nature written-" + marker, "not yet known");
        }

        // BRE-5: the officers approve the member notice; each affected member gets exactly one.
        Task memberNotice = task(businessKey, BreachProcess.TASK_APPROVE_MEMBER_NOTICE);
        assertThat(memberNotice.getName()).startsWith("Approve member notice for incident #" + incidentId
                + " — 1 listed member, all members of 1 organisation, due ");
        String memberMessage = "Change your password. member-" + marker;
        completeAsTasklist(memberNotice.getId(), "sam", write(Map.of("memberMessage", memberMessage)));
        runDueJobs();
        outboxDispatcher.dispatchDue();
        for (String affected : concat(membersOfA, List.of(listedOfB))) {
            List<MimeMessage> mails = deliverMailTo(affected);
            assertThat(mails).as(affected).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("Important: a security incident may affect your information");
            assertThat(body(mails.get(0))).contains("member-" + marker);
        }
        assertThat(deliverMailTo(deactivatedOfA)).isEmpty();
        assertThat(deliverMailTo(unaffectedOfB)).isEmpty();

        // BRE-6: the 72-hour decision, recorded by a privacy officer.
        Task authority = task(businessKey, BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY);
        assertThat(authority.getName()).isEqualTo("Record supervisory authority decision for incident #" + incidentId
                + " — 72 hours end " + utc(discovered.plus(Duration.ofHours(72))));
        String authorityNote = "Ref 2026/123-" + marker;
        completeAsTasklist(authority.getId(), "priya",
                write(Map.of("supervisoryAuthorityNotified", true, "note", authorityNote)));
        runDueJobs();

        // BRE-4: the first status report task appears 20 hours after the written report; the officer closes.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(21))));
        runDueJobs();
        Task status = task(businessKey, BreachProcess.TASK_WRITE_STATUS_REPORT);
        assertThat(status.getName()).startsWith("Write status report #1 for incident #" + incidentId + " — due ");
        Map<String, Object> statusParts = parts(STATUS_PARTS, "status-" + marker);
        statusParts.put("investigationComplete", true);
        completeAsTasklist(status.getId(), "sam", write(statusParts));
        runDueJobs();
        for (String contact : List.of(isoA, alternateA, isoB)) {
            assertThat(subjects(contact)).containsExactly("Security incident notice from Steward",
                    "Security incident: written report", "Security incident: daily status report");
        }
        ClockUtil.reset();

        // Closed, with every deadline met and who approved each step in our tables (BRE-6, finding 2).
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
        var history = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY)
                .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(history.getEndActivityId()).isEqualTo("EndEvent_IncidentResolved");
        assertThat(jdbc.queryForList("""
                SELECT kind, cycle, entry, met, recorded_by FROM incident_deadline WHERE incident_id = ? AND entry = 'DONE'
                ORDER BY kind, cycle""", incidentId))
                .extracting(row -> row.get("kind") + "/" + row.get("cycle") + " met=" + row.get("met") + " by " + row.get("recorded_by"))
                .containsExactly("ISO_NOTICE/0 met=true by sam", "STATUS_REPORT/1 met=true by sam",
                        "SUPERVISORY_AUTHORITY/0 met=true by priya", "WRITTEN_REPORT/0 met=true by sam");
        assertThat(jdbc.queryForList("SELECT kind, approved_by FROM incident_approval WHERE incident_id = ? ORDER BY id", incidentId))
                .extracting(row -> row.get("kind") + " by " + row.get("approved_by"))
                .containsExactly("ISO_NOTICE by sam", "WRITTEN_REPORT by sam", "MEMBER_NOTICE by sam",
                        "SUPERVISORY_AUTHORITY by priya", "STATUS_REPORT by sam");
        HttpResponse<String> record = browser.getJson("/api/staff/incidents/" + incidentId + "/deadlines", "audrey");
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains("\"state\":\"MET\"").doesNotContain("\"state\":\"OPEN\"", "MISSED");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(history.getId()).list())
                .extracting(v -> v.getName())
                .containsOnly(BreachProcess.GENUINE_INCIDENT, BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED,
                        BreachProcess.INVESTIGATION_COMPLETE, BreachProcess.MEMBER_CHUNK);
        assertThat(jdbc.queryForList("SELECT kind, COUNT(*) AS n FROM incident_notice WHERE incident_id = ? GROUP BY kind ORDER BY kind",
                incidentId)).extracting(row -> row.get("kind") + "=" + row.get("n"))
                .containsExactly("ISO_NOTICE=3", "STATUS_REPORT=3", "WRITTEN_REPORT=3");
        assertThat(jdbc.queryForObject("SELECT approved_by FROM incident_notice WHERE incident_id = ? AND kind = 'ISO_NOTICE' LIMIT 1",
                String.class, incidentId)).isEqualTo("sam");
        assertThat(count("SELECT COUNT(*) FROM incident_member_notice WHERE incident_id = " + incidentId + " AND queued_at IS NOT NULL"))
                .isEqualTo(4);
        assertThat(jdbc.queryForMap("SELECT status, supervisory_authority_notified, supervisory_authority_note FROM incident WHERE id = ?",
                incidentId)).containsEntry("status", "INVESTIGATION_COMPLETE").containsEntry("supervisory_authority_note", authorityNote);
        assertThat(count("SELECT COUNT(*) FROM incident_report WHERE incident_id = " + incidentId)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM staff_task_input")).isZero();

        // Issue 15: what was typed, the summary, every contact's and member's name and email are in our tables only.
        List<String> typed = new ArrayList<>();
        writtenParts.values().forEach(v -> typed.add(String.valueOf(v)));
        STATUS_PARTS.forEach(part -> typed.add(String.valueOf(statusParts.get(part))));
        typed.addAll(List.of(memberMessage, authorityNote, SUMMARY, "Acme " + marker, "Beta " + marker,
                "Ines Officer", "Alex Alternate", isoA, alternateA, isoB, deactivatedOfA, listedOfB, unaffectedOfB));
        typed.addAll(membersOfA);
        for (String email : concat(membersOfA, List.of(listedOfB))) {
            typed.add(memberName(email));
        }
        typed.stream().filter(text -> !text.equals("not yet known")).forEach(this::assertNotInHistory);
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE TYPE_ = 'FormProperty'")).isZero();
    }

    @Test
    void triageClosesWhatIsNotAnIncident_withItsReason_withdrawsItsDeadlines_andSendsNothing_BRE1() {
        String iso = uniqueEmail("iso-c");
        long org = organisation("Gamma " + UUID.randomUUID(), iso, null);
        HttpResponse<String> reported = browser.postJson("/api/incidents",
                incidentJson(Instant.now().minus(Duration.ofMinutes(30)), List.of(org), List.of(), List.of()), "ada");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = idFrom(reported.body());
        runDueJobs();
        Task triage = task(BreachProcess.businessKey(incidentId), BreachProcess.TASK_TRIAGE);

        // No decision, or "no" without a reason: 400 with a field message, never the engine's 500.
        HttpResponse<String> noDecision = browser.postJson("/api/staff/tasks/" + triage.getId() + "/input", "{}", "sam");
        assertThat(noDecision.statusCode()).isEqualTo(400);
        assertThat(noDecision.body()).contains("\"genuineIncident\"", "say whether this is a security incident");
        HttpResponse<String> noReason = browser.postJson("/engine-rest/task/" + triage.getId() + "/complete",
                "{\"variables\":{\"genuineIncident\":{\"value\":false,\"type\":\"Boolean\"}}}", "sam");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("write why this is not a security incident").doesNotContain("ENGINE-");

        String reason = "Monitoring test alert " + incidentId;
        completeAsTasklist(triage.getId(), "sam", write(Map.of("genuineIncident", false, "closureReason", reason)));
        runDueJobs();

        assertThat(jdbc.queryForMap("SELECT status, closure_reason, closed_by FROM incident WHERE id = ?", incidentId))
                .containsEntry("status", "CLOSED_AT_TRIAGE").containsEntry("closure_reason", reason)
                .containsEntry("closed_by", "sam");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(BreachProcess.businessKey(incidentId))
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_IncidentClosedAtTriage");
        assertThat(jdbc.queryForList("SELECT kind, recorded_by FROM incident_deadline WHERE incident_id = ? AND entry = 'WITHDRAWN' ORDER BY kind",
                incidentId)).extracting(row -> row.get("kind") + " by " + row.get("recorded_by"))
                .containsExactly("ISO_NOTICE by sam", "SUPERVISORY_AUTHORITY by sam");
        assertThat(deliverMailTo(iso)).isEmpty();
        assertNotInHistory(reason);
    }

    @Test
    void administratorsKeepTheSecurityContactsOnTheStaffPage_BRE2() {
        HttpResponse<String> created = browser.postJson("/api/organisations", """
                {"name":"Delta %s","website":""}""".formatted(UUID.randomUUID()), "ada");
        long id = idFrom(created.body());
        String page = "/staff/organisations/" + id + "/security-contacts";

        browser.get("/login");
        assertThat(browser.postForm("/login", Map.of("username", "ada", "password", "demo")).statusCode()).isEqualTo(302);
        assertThat(browser.get(page).body()).contains("Information Security Officer");
        HttpResponse<String> invalid = browser.postForm(page, Map.of("isoName", "Ines Officer", "isoEmail", "not-an-address",
                "alternateName", "Alex", "alternateEmail", ""));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("class=\"error\"");
        assertThat(jdbc.queryForObject("SELECT iso_email FROM member_organisation WHERE id = ?", String.class, id)).isNull();

        browser.get(page);
        String iso = uniqueEmail("iso-d");
        HttpResponse<String> saved = browser.postForm(page, Map.of("isoName", "Ines Officer", "isoEmail", iso,
                "alternateName", "", "alternateEmail", ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForMap("SELECT iso_name, iso_email, alternate_email FROM member_organisation WHERE id = ?", id))
                .containsEntry("iso_name", "Ines Officer").containsEntry("iso_email", iso).containsEntry("alternate_email", null);

        // Program staff edit the register, but not the security contacts.
        assertThat(browser.putJson("/api/organisations/" + id + "/security-contacts", """
                {"isoName":"X","isoEmail":"x@example.org"}""", "peter").statusCode()).isEqualTo(403);
    }

    // --- helpers, shared with the other breach tests ---

    long organisation(String name, String isoEmail, String alternateEmail) {
        HttpResponse<String> created = browser.postJson("/api/organisations", """
                {"name":"%s","website":""}""".formatted(name), "ada");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = idFrom(created.body());
        String alternate = alternateEmail == null ? ""
                : ",\"alternateName\":\"Alex Alternate\",\"alternateEmail\":\"" + alternateEmail + "\"";
        HttpResponse<String> contacts = browser.putJson("/api/organisations/" + id + "/security-contacts", """
                {"isoName":"Ines Officer","isoEmail":"%s"%s}""".formatted(isoEmail, alternate), "ada");
        assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
        return id;
    }

    /** A member, admitted through the members API (the application journey proves the way in). */
    private long member(String email, long organisationId) {
        return transaction.execute(status -> members.admit(subjects.findOrCreate(email, memberName(email)), organisationId));
    }

    private static String memberName(String email) {
        return "Member " + email.substring(0, email.indexOf('@'));
    }

    static String incidentJson(Instant discoveredAt, List<Long> organisationIds, List<Long> memberIds, List<Long> allMembersOf) {
        return """
                {"discoveredAt":"%s","summary":"%s",
                 "dataCategories":["contact details","program results"],
                 "organisationIds":%s,"memberIds":%s,"allMembersOfOrganisationIds":%s}"""
                .formatted(discoveredAt, SUMMARY, organisationIds, memberIds, allMembersOf);
    }

    Task task(String businessKey, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        return task;
    }

    private static String utc(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    String write(Map<String, ?> input) {
        try {
            return json.writeValueAsString(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> subjects(String recipient) {
        return deliverMailTo(recipient).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Map<String, Object> parts(List<String> names, String marker) {
        Map<String, Object> parts = new LinkedHashMap<>();
        names.forEach(name -> parts.put(name, name + " " + marker));
        return parts;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
