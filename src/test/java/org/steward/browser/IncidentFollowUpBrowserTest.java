package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.breach.BreachProcess;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.TasklistPage;

/**
 * The breach follow-up forms in a real browser, after the notice (BRE-3 to BRE-6): a security officer writes
 * the written report, approves the member notice, records the supervisory authority decision and writes the
 * last status report, each in Tasklist. Every form first stops an incomplete submission next to its field
 * (no engine banner), then completes; the mails go out and nothing typed reaches the engine's history.
 */
class IncidentFollowUpBrowserTest extends BrowserTest {

    @Autowired
    private Members members;
    @Autowired
    private DataSubjects subjects;
    @Autowired
    private TransactionTemplate transaction;

    @AfterEach
    void clockBackToNow() {
        ClockUtil.reset();
    }

    @Test
    void securityOfficer_writesReports_approvesMemberNotice_andRecordsTheAuthorityDecision_inTasklist_BRE3_BRE4_BRE5_BRE6() {
        String marker = Markers.unique();
        String iso = uniqueEmail("iso");
        long organisation = organisation("Follow-up Org " + marker, iso);
        String member = uniqueEmail("affected");
        long memberId = transaction.execute(s -> members.admit(subjects.findOrCreate(member, "Member " + marker), organisation));
        long incidentId = reportAndNotify(organisation, memberId);
        String businessKey = BreachProcess.businessKey(incidentId);

        signIn("sam");

        // BRE-3: the written report; a part left blank is stopped in the form.
        Task written = task(businessKey, BreachProcess.TASK_WRITE_WRITTEN_REPORT);
        TasklistPage tasklist = openTask(written);
        tasklist.typeInForm("steward-nature", "nature " + marker);
        tasklist.complete();
        assertThat(tasklist.waitForFieldErrors()).isNotEmpty();
        screenshot("1-written-report-incomplete");
        for (String[] part : new String[][] {{"steward-information-type", "contact details"}, {"steward-obtained-by", "not yet known"},
                {"steward-investigation-steps", "logs reviewed " + marker}, {"steward-mitigation-steps", "passwords reset " + marker},
                {"steward-contact-point", "security desk " + marker}}) {
            tasklist.typeInForm(part[0], part[1]);
        }
        tasklist.complete().waitForTaskWithIdGone(written.getId());
        assertThat(tasklist.errorNotifications()).isEmpty();
        runDueJobs();
        assertThat(subjects(iso)).containsExactly("Security incident notice from Steward", "Security incident: written report");

        // BRE-5: the member notice; an empty message is stopped in the form.
        Task notice = task(businessKey, BreachProcess.TASK_APPROVE_MEMBER_NOTICE);
        tasklist = openTask(notice);
        tasklist.complete();
        assertThat(tasklist.waitForFieldErrors()).isNotEmpty();
        String memberMessage = "Change your password " + marker;
        tasklist.typeInForm("steward-member-message", memberMessage).complete().waitForTaskWithIdGone(notice.getId());
        runDueJobs();
        List<MimeMessage> toMember = deliverMailTo(member);
        assertThat(toMember).hasSize(1);
        assertThat(body(toMember.get(0))).contains(memberMessage);

        // BRE-6: the 72-hour decision; "not required" needs a reason, asked for in the form.
        Task authority = task(businessKey, BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY);
        tasklist = openTask(authority);
        tasklist.chooseInForm("supervisoryAuthorityNotified", "false").complete();
        assertThat(tasklist.waitForFieldErrors()).containsExactly("Say why notifying the supervisory authority is not required.");
        screenshot("2-authority-decision-needs-reason");
        String why = "No risk to members " + marker;
        tasklist.typeInForm("steward-note", why).complete().waitForTaskWithIdGone(authority.getId());
        runDueJobs();

        // BRE-4: the first status report is due a day after the written report; the officer says it is the last.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(21))));
        runDueJobs();
        Task status = task(businessKey, BreachProcess.TASK_WRITE_STATUS_REPORT);
        tasklist = openTask(status);
        for (String[] part : new String[][] {{"steward-perpetrators", "unknown"}, {"steward-information-abused", "no sign " + marker},
                {"steward-further-investigation", "none"}, {"steward-further-mitigation", "none"},
                {"steward-corrective-action", "disk encryption " + marker}}) {
            tasklist.typeInForm(part[0], part[1]);
        }
        tasklist.form().findElement(By.name("investigationComplete")).click();
        screenshot("3-last-status-report");
        tasklist.complete().waitForTaskWithIdGone(status.getId());
        assertThat(tasklist.errorNotifications()).isEmpty();
        runDueJobs();

        assertThat(subjects(iso)).containsExactly("Security incident notice from Steward", "Security incident: written report",
                "Security incident: daily status report");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT supervisory_authority_note FROM incident WHERE id = ?", String.class, incidentId))
                .isEqualTo(why);
        for (String typed : List.of("nature " + marker, "logs reviewed " + marker, memberMessage, why, "disk encryption " + marker)) {
            assertNotInHistory(typed);
        }
    }

    /** Reported, triaged and noticed through the API (the first browser test walks those forms). */
    private long reportAndNotify(long organisation, long memberId) {
        Instant discovered = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> reported = browser.postJson("/api/incidents", """
                {"discoveredAt":"%s","summary":"A laptop was stolen.","dataCategories":["contact details"],
                 "organisationIds":[%d],"memberIds":[%d],"allMembersOfOrganisationIds":[]}""".formatted(discovered, organisation, memberId),
                "sam");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = idFrom(reported.body());
        String businessKey = BreachProcess.businessKey(incidentId);
        runDueJobs();
        completeAsTasklist(task(businessKey, BreachProcess.TASK_TRIAGE).getId(), "sam", "{\"genuineIncident\":true}");
        runDueJobs();
        completeAsTasklist(task(businessKey, BreachProcess.TASK_APPROVE_ISO_NOTICE).getId(), "sam", "{}");
        runDueJobs();
        return incidentId;
    }

    private TasklistPage openTask(Task task) {
        TasklistPage tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        tasklist.openFilter("My group's tasks").openTaskWithId(task.getId()).claim().waitForFormText("Incident #");
        return tasklist;
    }

    private Task task(String businessKey, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        return task;
    }

    private List<String> subjects(String recipient) {
        return deliverMailTo(recipient).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
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
