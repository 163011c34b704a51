package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.members.Members;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.subjects.DataSubjects;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.LinkPage;
import org.steward.support.browser.TasklistPage;

/**
 * A data-subject request in a real browser, as the requester and the privacy officer see it (DSR-1, DSR-2,
 * DSR-9): the public page {@code /privacy} refuses bad input next to its fields and answers a valid request
 * with the neutral page; the mailed link shows a button and confirms once (a second press finds the request
 * no longer open); the officer's review form in Tasklist stops a refusal without a reason inline, then
 * approves; the download link opens the page with its two download buttons.
 */
class PrivacyRequestBrowserTest extends BrowserTest {

    private static final String INVALID_LINK = "This link has already been used";

    @Autowired
    private Members members;
    @Autowired
    private DataSubjects subjects;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void requesterAsksOnThePrivacyPage_confirmsByLink_andTheOfficerApprovesInTasklist_DSR1_DSR2_DSR9() {
        String marker = Markers.unique();
        String email = uniqueEmail("asker");
        transaction.execute(s -> members.admit(subjects.findOrCreate(email, "Asker " + marker), null));
        String details = "My whole file please " + marker;

        LinkPage page = LinkPage.open(driver, url("/privacy"));
        assertThat(page.heading()).isEqualTo("Ask about your data");
        page.fill("email", "not-an-address").submit();
        assertThat(page.errors()).hasSize(2); // the address, and no type chosen
        screenshot("1-privacy-page-refused");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy_request WHERE email = 'not-an-address'", Integer.class)).isZero();

        page = new LinkPage(driver).fill("email", email).select("type", "Access").fill("details", details).submit();
        assertThat(page.heading()).isEqualTo("Request received");
        String neutral = page.mainText();
        LinkPage unknown = LinkPage.open(driver, url("/privacy")).fill("email", uniqueEmail("stranger"))
                .select("type", "Access").submit();
        assertThat(unknown.mainText()).as("DSR-2: the same answer for an unknown address").isEqualTo(neutral);

        runDueJobs();
        String verify = url(link(onlyMailLinking(email, "/links/privacy-request/"), "/links/privacy-request/"));
        LinkPage confirm = LinkPage.open(driver, verify);
        assertThat(confirm.heading()).isEqualTo("Confirm your request");
        assertThat(confirm.submit().heading()).isEqualTo("Your request is confirmed");
        LinkPage replayed = LinkPage.open(driver, verify);
        assertThat(replayed.hasForm()).as("a used link offers nothing to press").isFalse();
        assertThat(replayed.heading()).isEqualTo(INVALID_LINK);
        runDueJobs();

        long requestId = jdbc.queryForObject("SELECT id FROM privacy_request WHERE email = ? AND request_type = 'ACCESS'",
                Long.class, email);
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId))
                .taskDefinitionKey(DataSubjectRequestProcess.TASK_REVIEW_REQUEST).singleResult();
        assertThat(review.getName()).isEqualTo("Review access request #" + requestId);

        signIn("priya");
        TasklistPage tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        tasklist.openFilter("My group's tasks").openTaskWithId(review.getId()).claim().waitForFormText(details);
        assertThat(tasklist.formText()).contains("Members and profiles", "Asker " + marker);
        tasklist.chooseInForm("decision", "REFUSE").complete();
        assertThat(tasklist.waitForFieldErrors()).singleElement().asString()
                .contains("Write the reason: the requester will receive it."); // StewardTaskForm.decisionWithReason
        screenshot("2-refusal-needs-a-reason");
        tasklist.chooseInForm("decision", "APPROVE").complete().waitForTaskWithIdGone(review.getId());
        assertThat(tasklist.errorNotifications()).isEmpty();
        runDueJobs();

        String download = url(link(onlyMailLinking(email, "/links/privacy-export/"), "/links/privacy-export/"));
        LinkPage export = LinkPage.open(driver, download);
        assertThat(export.heading()).isEqualTo("Download your data");
        assertThat(export.mainText()).contains("Download as a page (HTML)", "Download as data (JSON)");
        screenshot("3-download-page");
        assertNotInHistory(details);
        assertNotInHistory(email);
    }

    private MimeMessage onlyMailLinking(String recipient, String linkPrefix) {
        List<MimeMessage> mails = deliverMailTo(recipient).stream().filter(m -> body(m).contains(linkPrefix)).toList();
        assertThat(mails).as("mail to %s with %s", recipient, linkPrefix).hasSize(1);
        return mails.get(0);
    }
}
