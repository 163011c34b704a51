package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.steward.support.Markers;
import org.steward.breach.BreachProcess;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.TasklistPage;
import org.steward.support.browser.TasklistStartForm;

/**
 * Issue 8 for breach, in a real browser: a security officer reports an incident from Tasklist's start
 * form "Report a security incident" (BRE-1; the form posts to Steward, never to the engine's start
 * endpoint), then triages it and approves the ISO notice in Tasklist. Each task is named after its case
 * and deadline ("Triage incident #7 — notice due …"), each form shows the incident with its deadlines
 * and the time left, and the approval is recorded with its approver in our deadline table (BRE-2, BRE-6).
 * Screenshots of each step land in target/screenshots/.
 */
class IncidentTasklistBrowserTest extends BrowserTest {

    private static final String PROCESS_NAME = "Security incident and breach notification";

    @Test
    void securityOfficer_reportsFromTheStartForm_triages_andApprovesTheIsoNotice_BRE1_BRE2() {
        String marker = Markers.unique();
        String iso = uniqueEmail("iso");
        long organisation = organisation("Browser Org " + marker, iso);
        String summary = "Browser test " + marker + ": a laptop with a mentor export was stolen.";
        Instant discovered = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);

        signIn("sam");
        TasklistPage tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        TasklistStartForm start = TasklistStartForm.open(driver, PROCESS_NAME).waitForText("Browser Org " + marker);
        assertThat(start.form().getText()).contains("Report a security incident", "When was it discovered?");

        // The form's own checks first: nothing typed, nothing sent.
        start.start();
        assertThat(start.waitForFieldErrors()).anyMatch(e -> e.contains("Say when the incident was discovered"))
                .anyMatch(e -> e.contains("Tick at least one affected organisation"));
        screenshot("1-start-form-refused");

        start.dateTime("discoveredAt", discovered, browserZone()).type("summary", summary)
                .type("dataCategories", "contact details\nprogram results").tick("organisationIds", organisation);
        start.start();
        String outcome = start.waitForOutcome();
        assertThat(outcome).containsPattern("Incident #\\d+ reported, notice due");
        screenshot("2-incident-reported");
        long incidentId = Long.parseLong(outcome.replaceAll("(?s).*Incident #(\\d+) reported.*", "$1"));
        start.close();

        runDueJobs(); // the process waits after its start event; the job executor is off in tests
        Task triage = task(incidentId, BreachProcess.TASK_TRIAGE);
        assertThat(triage.getName()).startsWith("Triage incident #" + incidentId + " — notice due ");

        tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        tasklist.openFilter("My group's tasks").openTaskWithId(triage.getId());
        assertThat(tasklist.openTaskName()).isEqualTo(triage.getName());
        tasklist.claim().waitForFormText(summary);
        assertThat(tasklist.formText()).contains("Incident #" + incidentId, "Deadlines",
                "Notice to the organisations", "Supervisory authority decision", "Browser Org " + marker);
        screenshot("3-triage-form");
        tasklist.chooseInForm("genuineIncident", "true").complete();
        tasklist.waitForTaskWithIdGone(triage.getId());
        assertThat(tasklist.errorNotifications()).isEmpty();

        runDueJobs();
        Task approve = task(incidentId, BreachProcess.TASK_APPROVE_ISO_NOTICE);
        assertThat(approve.getName()).startsWith("Approve ISO notice for incident #" + incidentId + " — due ")
                .endsWith("1 organisation");
        tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        tasklist.openFilter("My group's tasks").openTaskWithId(approve.getId()).claim().waitForFormText(summary);
        assertThat(tasklist.formText()).contains("Open");
        screenshot("4-approve-iso-notice-form");
        tasklist.complete();
        tasklist.waitForTaskWithIdGone(approve.getId());
        assertThat(tasklist.errorNotifications()).isEmpty();
        runDueJobs();

        // BRE-2 and BRE-6: the notice reached the ISO, and the deadline is met on sam's approval, in our table.
        assertThat(deliverMailTo(iso)).hasSize(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM incident_deadline
                WHERE incident_id = ? AND kind = 'ISO_NOTICE' AND entry = 'DONE' AND met = TRUE AND recorded_by = 'sam'""",
                Integer.class, incidentId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT approved_by FROM incident_approval WHERE incident_id = ? AND kind = 'ISO_NOTICE'",
                String.class, incidentId)).isEqualTo("sam");
        // Issue 15: what was typed never reached the engine's history.
        assertNotInHistory(summary);
    }

    private Task task(long incidentId, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(BreachProcess.businessKey(incidentId))
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey + " of incident " + incidentId).isNotNull();
        return task;
    }

    private ZoneId browserZone() {
        return ZoneId.of((String) ((JavascriptExecutor) driver).executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone;"));
    }

    private long organisation(String name, String isoEmail) {
        HttpResponse<String> created = browser.postJson("/api/organisations", """
                {"name":"%s","website":""}""".formatted(name), "ada");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = idFrom(created.body());
        HttpResponse<String> contacts = browser.putJson("/api/organisations/" + id + "/security-contacts", """
                {"isoName":"Ines Officer","isoEmail":"%s"}""".formatted(isoEmail), "ada");
        assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
        return id;
    }
}
