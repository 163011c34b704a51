package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.application.ApplicationProcess;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.LinkPage;

/**
 * A new member's own pages in a real browser, reached from the mails of their admission: the preferences
 * page (CON-1, APP-6) saves the ticked purposes and works once; the manage-membership page deactivates
 * (DSR-6) and the confirmation's link reactivates.
 */
class MemberChoicesBrowserTest extends BrowserTest {

    @Test
    void newMember_choosesPurposes_deactivates_andComesBack_throughTheirLinks_CON1_DSR6() {
        String member = uniqueEmail("member");
        long memberId = admitThroughApplication(member);

        String preferences = url(link(mail(member, "Your choices: what else may we do?"), "/links/preferences/"));
        LinkPage page = LinkPage.open(driver, preferences);
        assertThat(page.heading()).isEqualTo("Your choices");
        assertThat(page.mainText()).contains("Newsletters", "Surveys");
        page.tick("purposes", "MARKETING");
        screenshot("1-preferences");
        assertThat(page.submit().heading()).isEqualTo("Your choices are saved");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM consent_entry WHERE member_id = ? AND purpose = 'MARKETING' AND action = 'GRANTED'""", Integer.class, memberId)).isEqualTo(1);
        assertThat(LinkPage.open(driver, preferences).hasForm()).as("the link works once").isFalse();

        String manage = url(link(mail(member, "Welcome to the community"), "/links/membership/"));
        LinkPage membership = LinkPage.open(driver, manage);
        assertThat(membership.heading()).isEqualTo("Manage my membership");
        assertThat(membership.submit().heading()).isEqualTo("Your membership is deactivated");
        screenshot("2-deactivated");
        runDueJobs();

        String reactivation = url(link(mailLinking(member, "/links/reactivation/"), "/links/reactivation/"));
        LinkPage back = LinkPage.open(driver, reactivation);
        assertThat(back.heading()).isEqualTo("Reactivate my membership");
        assertThat(back.submit().heading()).isEqualTo("Welcome back");
        runDueJobs();
        assertThat(jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, memberId)).isEqualTo("ACTIVE");
        assertNotInHistory(member);
    }

    /** Admitted through the real flow (APP-1 to APP-6), with the HTTP client: the browser tests the pages after. */
    private long admitThroughApplication(String applicant) {
        String referee = uniqueEmail("referee");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        confirmAddress(applicant);
        String reference = link(deliverMailTo(referee).get(0), "/links/reference/");
        assertThat(browser.get(reference).statusCode()).isEqualTo(200);
        assertThat(browser.postForm(reference, Map.of("recommendation", "RECOMMEND", "knownForYears", "4", "comments", "Reliable."))
                .statusCode()).isEqualTo(200);
        runDueJobs();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId)).singleResult();
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        return jdbc.queryForObject("SELECT member_id FROM application WHERE id = ?", Long.class, applicationId);
    }

    private MimeMessage mail(String to, String subject) {
        List<MimeMessage> found = deliverMailTo(to).stream().filter(m -> subject.equals(subjectOf(m))).toList();
        assertThat(found).as("mails to %s titled '%s'", to, subject).hasSize(1);
        return found.get(0);
    }

    private MimeMessage mailLinking(String to, String linkPrefix) {
        List<MimeMessage> found = deliverMailTo(to).stream().filter(m -> body(m).contains(linkPrefix)).toList();
        assertThat(found).as("mails to %s with %s", to, linkPrefix).hasSize(1);
        return found.get(0);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
