package org.steward.audit.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.breach.BreachProcess;
import org.steward.support.IntegrationTest;

/**
 * The auditors' view end to end over real HTTP (AUD-2, AUD-4, BRE-6): one application approved and one
 * rejected, one incident whose ISO notice goes out in time and one discovered 25 hours ago (its 24-hour
 * notice is missed); the auditor reads the breach report's CSV, the funnel and the case timelines, which
 * show steps, staff user ids and mail templates but no name, address or free text. Subclasses run it on
 * H2 and MariaDB/MySQL.
 */
abstract class AuditJourneyScenario extends IntegrationTest {

    private static final String REJECTION_REASON = "Not enough mentoring experience yet";

    @Test
    void auditorReadsTimelinesAndReports() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String since = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        AuditorSession audrey = new AuditorSession(port);
        Map<String, Long> funnelBefore = audrey.funnel(today, today);

        // Two applications: approved, and rejected with a reason through the API (APP-*, the Tasklist way).
        String approvedName = "Auditee Approved " + suffix();
        String approvedEmail = uniqueEmail("approved");
        long approved = applyWithReference(approvedName, approvedEmail);
        completeAsTasklist(review(approved).getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        String rejectedName = "Auditee Rejected " + suffix();
        String rejectedEmail = uniqueEmail("rejected");
        long rejected = applyWithReference(rejectedName, rejectedEmail);
        // Issue 13: the reason's category is a choice from a list; anything else is a 400 naming the field.
        HttpResponse<String> badCategory = browser.postJson("/api/staff/tasks/" + review(rejected).getId() + "/input",
                "{\"decision\":\"REJECT\",\"reason\":\"x\",\"reasonCategory\":\"BECAUSE\"}", "peter");
        assertThat(badCategory.statusCode()).as(badCategory.body()).isEqualTo(400);
        assertThat(badCategory.body()).contains("reasonCategory");
        completeAsTasklist(review(rejected).getId(), "peter",
                "{\"decision\":\"REJECT\",\"reason\":\"" + REJECTION_REASON + "\",\"reasonCategory\":\"EXPERIENCE\"}");
        runDueJobs();
        outboxDispatcher.dispatchDue();

        // Two incidents: notice in time, and one discovered 25 hours ago, so its 24-hour ISO notice is late (BRE-2).
        String iso = uniqueEmail("iso-audit");
        long organisation = organisation("Audited Org " + suffix(), iso);
        long onTime = incidentThroughIsoNotice(Instant.now().minus(Duration.ofHours(1)), organisation);
        // Reported 25 hours after discovery: the process sends the minimal notice at once, late, with no approver (BRE-2).
        long late = report(Instant.now().minus(Duration.ofHours(25)), organisation);
        runDueJobs();
        outboxDispatcher.dispatchDue();

        // AUD-4, BRE-6: the breach report's CSV, RFC 4180 with a header row.
        HttpResponse<String> csv = audrey.get("/audit/reports/breach?from=" + since + "&to=" + today + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("filename=\"breach-deadlines.csv\"");
        assertThat(csv.body()).startsWith(String.join(",", BreachReport.HEADER) + "\r\n").doesNotContain("\n\n");
        assertThat(Arrays.stream(csv.body().split("\r\n")).noneMatch(line -> line.contains("\n"))).isTrue();
        assertThat(csvRow(csv.body(), BreachProcess.businessKey(onTime), "ISO_NOTICE")).containsSubsequence("MET", "sam", "sam", "OPEN");
        assertThat(csvRow(csv.body(), BreachProcess.businessKey(late), "ISO_NOTICE")).containsSubsequence("MISSED", "", "", "OPEN");
        assertThat(csvRow(csv.body(), BreachProcess.businessKey(late), "SUPERVISORY_AUTHORITY")).contains("OPEN");
        assertThat(audrey.get("/audit/reports/breach/report.csv?from=" + since).body()).contains(BreachProcess.businessKey(late));
        HttpResponse<String> breachPage = audrey.get("/audit/reports/breach?from=" + since);
        assertThat(breachPage.statusCode()).isEqualTo(200);
        assertThat(breachPage.body()).contains(BreachProcess.businessKey(onTime), "MISSED", "Download CSV")
                .doesNotContain(iso, IncidentSummary.TEXT);

        // AUD-4: the funnel counts both applications and their references.
        Map<String, Long> funnel = audrey.funnel(today, today);
        assertThat(funnel.get("submitted") - funnelBefore.get("submitted")).isEqualTo(2);
        assertThat(funnel.get("references-complete") - funnelBefore.get("references-complete")).isEqualTo(2);
        assertThat(funnel.get("approved") - funnelBefore.get("approved")).isEqualTo(1);
        assertThat(funnel.get("rejected") - funnelBefore.get("rejected")).isEqualTo(1);
        assertThat(funnel.get("more-information") - funnelBefore.get("more-information")).isZero();
        String funnelCsv = audrey.get("/audit/reports/applications?from=" + today + "&format=csv").body();
        assertThat(funnelCsv).startsWith(String.join(",", ApplicationFunnel.HEADER) + "\r\n");
        assertThat(csvRow(funnelCsv, "application-" + approved, "")).containsSubsequence("1", "0", "true", "0", "APPROVED");
        assertThat(csvRow(funnelCsv, "application-" + rejected, "")).containsSubsequence("1", "0", "true", "0", "REJECTED");

        // AUD-2: the timelines show steps, who completed each task (staff ids), decisions and mail templates.
        String approvedCase = audrey.get("/audit/cases/ApplicationApprovalProcess/application-" + approved).body();
        assertThat(approvedCase).contains("data-activity=\"Task_ReviewApplication\"", "Review application", "peter",
                "Task_AdmitMember", "application-email-confirmation", "application-approved", "APPROVE", "completed");
        String rejectedCase = audrey.get("/audit/cases/ApplicationApprovalProcess/application-" + rejected).body();
        assertThat(rejectedCase).contains("Task_SendRejection", "peter", "application-rejected", "REJECT",
                "reasonCategory (APPLICATION_DECIDED)", "EXPERIENCE");
        // Issue 13: each mail names its recipient's role, never the address; steps carry their times in words.
        assertThat(approvedCase).contains("<td class=\"recipient-role\">APPLICANT</td>", "after the previous step", "id=\"trail\"", "TASK_COMPLETED",
                "id=\"diagram\"", "data-completed=\"", "Task_ReviewApplication");
        assertThat(audrey.get("/audit/cases/ApplicationApprovalProcess/application-" + approved + "/diagram.bpmn").body())
                .contains("<bpmn:process id=\"ApplicationApprovalProcess\"", "bpmndi:BPMNDiagram");
        String onTimeCase = audrey.get("/audit/cases/" + BreachProcess.KEY + "/" + BreachProcess.businessKey(onTime)).body();
        assertThat(onTimeCase).contains("data-activity=\"" + BreachProcess.TASK_TRIAGE + "\"", "sam", "ISO_NOTICE", "MET",
                "SUPERVISORY_AUTHORITY", "genuineIncident", "running");
        String lateCase = audrey.get("/audit/cases/" + BreachProcess.KEY + "/" + BreachProcess.businessKey(late)).body();
        assertThat(lateCase).contains("data-activity=\"Task_SendMinimalIsoNotice\"", "ISO_NOTICE", "MISSED");
        for (String page : List.of(approvedCase, rejectedCase, onTimeCase, lateCase, funnelCsv, csv.body())) {
            assertThat(page).doesNotContain(approvedName, approvedEmail, rejectedName, rejectedEmail, REJECTION_REASON, iso,
                    "Referee of", "@example.org", IncidentSummary.TEXT);
        }

        // The case list names them, and "deadline missed" keeps the late incident only.
        assertThat(audrey.get("/audit?process=ApplicationApprovalProcess&from=" + today).body())
                .contains("application-" + approved, "application-" + rejected);
        String missed = audrey.get("/audit?missed=true&from=" + since + "&process=" + BreachProcess.KEY).body();
        assertThat(missed).contains(BreachProcess.businessKey(late) + "<").doesNotContain(BreachProcess.businessKey(onTime) + "<");
        assertThat(audrey.get("/audit?state=completed&from=" + today).body()).contains("application-" + approved + "<");
    }

    // ---- the journeys -------------------------------------------------------------------------------

    private long applyWithReference(String name, String email) {
        String referee = uniqueEmail("referee");
        HttpResponse<String> submitted = browser.postJson("/api/applications", """
                {"kind":"MENTOR","name":"%s","email":"%s","birthYear":1985,"postalCode":"10115",
                 "industry":"Software","expertise":"Scaling engineering teams","languages":["English"],
                 "referees":[{"name":"Referee of %s","email":"%s","relationship":"Former colleague"}]}"""
                .formatted(name, email, name, referee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        confirmAddress(email);
        String referenceLink = link(deliverMailTo(referee).get(0), "/links/reference/");
        browser.get(referenceLink);
        assertThat(browser.postForm(referenceLink, Map.of("recommendation", "RECOMMEND", "knownForYears", "4",
                "comments", "Kind and reliable.")).statusCode()).isEqualTo(200);
        runDueJobs();
        return idFrom(submitted.body());
    }

    private Task review(long applicationId) {
        return taskService.createTaskQuery().processInstanceBusinessKey("application-" + applicationId).singleResult();
    }

    private long organisation(String name, String isoEmail) {
        HttpResponse<String> created = browser.postJson("/api/organisations", "{\"name\":\"" + name + "\",\"website\":\"\"}", "ada");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = idFrom(created.body());
        HttpResponse<String> contacts = browser.putJson("/api/organisations/" + id + "/security-contacts",
                "{\"isoName\":\"Ines Officer\",\"isoEmail\":\"" + isoEmail + "\"}", "ada");
        assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
        return id;
    }

    /** A security officer reports it, triages it as genuine and approves the ISO notice, which goes out (BRE-1, BRE-2). */
    private long incidentThroughIsoNotice(Instant discoveredAt, long organisation) {
        long incidentId = report(discoveredAt, organisation);
        runDueJobs();
        completeAsTasklist(task(incidentId, BreachProcess.TASK_TRIAGE).getId(), "sam", "{\"genuineIncident\":true}");
        runDueJobs();
        completeAsTasklist(task(incidentId, BreachProcess.TASK_APPROVE_ISO_NOTICE).getId(), "sam", "{}");
        runDueJobs();
        outboxDispatcher.dispatchDue();
        return incidentId;
    }

    private long report(Instant discoveredAt, long organisation) {
        HttpResponse<String> reported = browser.postJson("/api/incidents", """
                {"discoveredAt":"%s","summary":"%s","dataCategories":["contact details"],
                 "organisationIds":[%d],"memberIds":[],"allMembersOfOrganisationIds":[]}"""
                .formatted(discoveredAt.truncatedTo(ChronoUnit.SECONDS), IncidentSummary.TEXT, organisation), "sam");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        return idFrom(reported.body());
    }

    private Task task(long incidentId, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(BreachProcess.businessKey(incidentId))
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s; tasks %s; jobs %s; instances %s", taskKey,
                taskService.createTaskQuery().processInstanceBusinessKey(BreachProcess.businessKey(incidentId)).list().stream().map(t -> t.getTaskDefinitionKey() + ":" + t.getName()).toList(),
                managementService.createJobQuery().list().stream().map(j -> j.getProcessDefinitionKey() + "/" + j.getExceptionMessage()
                        + "/" + j.getDuedate()).toList(),
                historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(BreachProcess.businessKey(incidentId))
                        .list().stream().map(i -> i.getState() + "/" + i.getEndActivityId()).toList()).isNotNull();
        return task;
    }

    /** The fields of the CSV line for this case (and deadline, when given). */
    static List<String> csvRow(String csv, String caseKey, String deadline) {
        return Arrays.stream(csv.split("\r\n")).filter(line -> line.startsWith(caseKey + ","))
                .filter(line -> deadline.isEmpty() || line.contains("," + deadline + ","))
                .findFirst().map(line -> Arrays.asList(line.split(",", -1)))
                .orElseThrow(() -> new AssertionError("no CSV row for " + caseKey + " " + deadline + " in\n" + csv));
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 100000);
    }

    /** Free text that must never reach an auditor's page. */
    static final class IncidentSummary {
        static final String TEXT = "A backup tape went missing from the office.";
    }

    /** An auditor's signed-in browser session. */
    static final class AuditorSession {
        private static final Pattern FUNNEL = Pattern.compile("id=\"funnel-([a-z-]+)\">(\\d*)<");
        private final org.steward.support.Browser browser;

        AuditorSession(int port) {
            browser = new org.steward.support.Browser(port);
            browser.get("/login");
            assertThat(browser.postForm("/login", Map.of("username", "audrey", "password", "demo")).statusCode()).isEqualTo(302);
        }

        HttpResponse<String> get(String path) {
            return browser.get(path);
        }

        Map<String, Long> funnel(String from, String to) {
            HttpResponse<String> page = browser.get("/audit/reports/applications?from=" + from + "&to=" + to);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            Map<String, Long> counts = new java.util.HashMap<>();
            Matcher m = FUNNEL.matcher(page.body());
            while (m.find()) {
                counts.put(m.group(1), m.group(2).isEmpty() ? 0 : Long.parseLong(m.group(2)));
            }
            return counts;
        }
    }
}
