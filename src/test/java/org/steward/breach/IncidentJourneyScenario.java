package org.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;
import org.steward.support.IntegrationTest;

/**
 * A security incident end to end over real HTTP, SMTP and the engine (BRE-1 to BRE-6): an admin
 * records the organisations' security contacts, a security officer reports the incident through the
 * API, the officers triage and send the notice, file the written report and one status report, approve
 * the member notice and close. Every mail and its recipients are checked; each affected member gets
 * exactly one member notice and a deactivated member none. Subclasses run it on H2 and MariaDB/MySQL.
 */
abstract class IncidentJourneyScenario extends IntegrationTest {

    private static final List<String> WRITTEN_PARTS = List.of("nature", "informationType", "obtainedBy",
            "investigationSteps", "mitigationSteps", "contactPoint");
    private static final List<String> STATUS_PARTS = List.of("perpetrators", "informationAbused", "furtherInvestigation",
            "furtherMitigation", "correctiveAction");

    @Autowired
    private IdentityService identityService;
    @Autowired
    private Members members;
    @Autowired
    private DataSubjects subjects;
    @Autowired
    private TransactionTemplate transaction;

    @AfterEach
    void engineClockBackToNow() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void incidentGoesFromReportThroughNoticesAndReportsToClosure() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
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

        // BRE-1: a security officer reports it; the answer names the notice deadline (BRE-2).
        HttpResponse<String> reported = browser.postJson("/api/incidents",
                incidentJson(discovered, List.of(orgA, orgB), List.of(listedOfBId), List.of(orgA)), "sam");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = idFrom(reported.body());
        assertThat(reported.body()).contains("\"noticeDeadline\":\"" + discovered.plus(Duration.ofHours(24)) + "\"");
        String businessKey = String.valueOf(incidentId);
        runDueJobs();
        assertThat(browser.getJson("/api/staff/incidents/" + incidentId, "sam").body()).contains("Acme " + marker, "laptop");
        assertThat(browser.getJson("/api/staff/incidents/" + incidentId, "peter").statusCode()).isEqualTo(403);

        completeAs("sam", BreachProcess.TASK_TRIAGE, businessKey, Map.of(BreachProcess.GENUINE_INCIDENT, true));
        completeAs("sam", BreachProcess.TASK_APPROVE_ISO_NOTICE, businessKey, Map.of());

        // BRE-2: one notice per contact of each organisation.
        assertThat(subjects(isoA)).containsExactly("Security incident notice from Steward");
        assertThat(subjects(alternateA)).containsExactly("Security incident notice from Steward");
        List<MimeMessage> noticeB = deliverMailTo(isoB);
        assertThat(noticeB).hasSize(1);
        assertThat(body(noticeB.get(0))).contains("Beta " + marker, "#" + incidentId, "laptop");

        // BRE-3: a blank part is refused: the task stays, nothing is stored or sent.
        Map<String, Object> written = parts(WRITTEN_PARTS, "written-" + marker);
        written.put("text_obtainedBy", "  ");
        assertThatThrownBy(() -> completeAs("sam", BreachProcess.TASK_WRITE_WRITTEN_REPORT, businessKey, written))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Blank: obtainedBy");
        assertThat(count("SELECT COUNT(*) FROM incident_report WHERE incident_id = " + incidentId)).isZero();
        written.put("text_obtainedBy", "not yet known");
        completeAs("sam", BreachProcess.TASK_WRITE_WRITTEN_REPORT, businessKey, written);
        for (String contact : List.of(isoA, alternateA, isoB)) {
            List<MimeMessage> mails = deliverMailTo(contact);
            assertThat(mails).extracting(MimeMessage::getSubject)
                    .containsExactly("Security incident notice from Steward", "Security incident: written report");
            assertThat(body(mails.get(1))).contains("nature written-" + marker, "not yet known");
        }

        // BRE-5: the officers approve the member notice; each affected member gets exactly one.
        completeAs("sam", BreachProcess.TASK_APPROVE_MEMBER_NOTICE, businessKey,
                Map.of("text_memberMessage", "Change your password. member-" + marker));
        outboxDispatcher.dispatchDue();
        for (String affected : concat(membersOfA, List.of(listedOfB))) {
            List<MimeMessage> mails = deliverMailTo(affected);
            assertThat(mails).as(affected).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("Important: a security incident may affect your information");
            assertThat(body(mails.get(0))).contains("member-" + marker);
        }
        assertThat(deliverMailTo(deactivatedOfA)).isEmpty();
        assertThat(deliverMailTo(unaffectedOfB)).isEmpty();

        // BRE-6: the 72-hour decision.
        completeAs("sam", BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY, businessKey,
                Map.of(BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED, true, "text_supervisoryAuthorityNote", "Ref 2026/123"));

        // BRE-4: the first status report task appears 20 hours after the written report; the officer closes.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(21))));
        runDueJobs();
        completeAs("sam", BreachProcess.TASK_WRITE_STATUS_REPORT, businessKey, withComplete(parts(STATUS_PARTS, "status-" + marker)));
        for (String contact : List.of(isoA, alternateA, isoB)) {
            assertThat(subjects(contact)).containsExactly("Security incident notice from Steward",
                    "Security incident: written report", "Security incident: daily status report");
        }
        ClockUtil.reset();

        // Closed, with every deadline met, and who sent what to whom in the notice log.
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY).processInstanceBusinessKey(businessKey).count()).isZero();
        var history = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY).processInstanceBusinessKey(businessKey).singleResult();
        assertThat(history.getEndActivityId()).isEqualTo("EndEvent_IncidentResolved");
        for (String flag : List.of("isoNoticeDeadlineMet", "writtenReportDeadlineMet", "statusReportDeadlineMet",
                "supervisoryAuthorityDeadlineMet")) {
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(history.getId())
                    .variableName(flag).singleResult().getValue()).as(flag).isEqualTo(true);
        }
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(history.getId())
                .variableName(BreachProcess.ISO_NOTICE_APPROVED_BY).singleResult().getValue()).isEqualTo("sam");
        assertThat(jdbc.queryForList("SELECT kind, COUNT(*) AS n FROM incident_notice WHERE incident_id = ? GROUP BY kind ORDER BY kind",
                incidentId)).extracting(row -> row.get("kind") + "=" + row.get("n"))
                .containsExactly("ISO_NOTICE=3", "STATUS_REPORT=3", "WRITTEN_REPORT=3");
        assertThat(jdbc.queryForObject("SELECT approved_by FROM incident_notice WHERE incident_id = ? AND kind = 'ISO_NOTICE' LIMIT 1",
                String.class, incidentId)).isEqualTo("sam");
        assertThat(count("SELECT COUNT(*) FROM incident_member_notice WHERE incident_id = " + incidentId + " AND queued_at IS NOT NULL"))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT status FROM incident WHERE id = ?", String.class, incidentId))
                .isEqualTo("INVESTIGATION_COMPLETE");
        assertThat(count("SELECT COUNT(*) FROM incident_report WHERE incident_id = " + incidentId)).isEqualTo(3);

        // The texts are in our tables, never in Camunda's history.
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ LIKE 'text%' OR TEXT_ LIKE '%" + marker + "%'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE NAME_ LIKE 'text%' OR TEXT_ LIKE '%" + marker + "%'")).isZero();
    }

    @Test
    void triageClosesWhatIsNotAnIncident_withItsReason_andSendsNothing() {
        String iso = uniqueEmail("iso-c");
        long org = organisation("Gamma " + UUID.randomUUID(), iso, null);
        HttpResponse<String> reported = browser.postJson("/api/incidents",
                incidentJson(Instant.now().minus(Duration.ofMinutes(30)), List.of(org), List.of(), List.of()), "ada");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = idFrom(reported.body());
        runDueJobs();
        completeAs("sam", BreachProcess.TASK_TRIAGE, String.valueOf(incidentId), Map.of(BreachProcess.GENUINE_INCIDENT, false,
                BreachProcess.TEXT_CLOSURE_REASON, "Monitoring test alert"));

        assertThat(jdbc.queryForMap("SELECT status, closure_reason, closed_by FROM incident WHERE id = ?", incidentId))
                .containsEntry("status", "CLOSED_AT_TRIAGE").containsEntry("closure_reason", "Monitoring test alert")
                .containsEntry("closed_by", "sam");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY).processInstanceBusinessKey(String.valueOf(incidentId))
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_IncidentClosedAtTriage");
        assertThat(deliverMailTo(iso)).isEmpty();
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

    // --- helpers ---

    private long organisation(String name, String isoEmail, String alternateEmail) {
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
        return transaction.execute(status ->
                members.admit(subjects.findOrCreate(email, "Member " + email.substring(0, 10)), organisationId));
    }

    private static String incidentJson(Instant discoveredAt, List<Long> organisationIds, List<Long> memberIds,
                                       List<Long> allMembersOf) {
        return """
                {"discoveredAt":"%s","summary":"A laptop with a member export was stolen.",
                 "dataCategories":["contact details","program results"],
                 "organisationIds":%s,"memberIds":%s,"allMembersOfOrganisationIds":%s}"""
                .formatted(discoveredAt, organisationIds, memberIds, allMembersOf);
    }

    /** Completes the group's task as the named officer through the engine API, then runs what follows. */
    private void completeAs(String user, String taskKey, String businessKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processDefinitionKey(BreachProcess.KEY).processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .taskCandidateGroup("security-officers").singleResult();
        assertThat(task).as(taskKey).isNotNull();
        identityService.setAuthentication(user, List.of("security-officers"));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        runDueJobs();
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

    private static Map<String, Object> parts(List<String> names, String prefix) {
        Map<String, Object> parts = new HashMap<>();
        names.forEach(name -> parts.put("text_" + name, name + " " + prefix));
        return parts;
    }

    private static Map<String, Object> withComplete(Map<String, Object> parts) {
        parts.put(BreachProcess.INVESTIGATION_COMPLETE, true);
        return parts;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
