package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.application.ApplicationProcess;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.LinkPage;

/**
 * The pages behind emailed links, opened in a real browser from a link found in the mail that
 * reached SMTP: the referee's reference form (APP-3) and the applicant's answer to a question
 * (APP-5). GET only shows the page; the button acts, once.
 */
class MemberLinksBrowserTest extends BrowserTest {

    @Test
    void refereeLink_showsTheReferenceForm_refusesAnEmptyAnswer_andThanksTheReferee() {
        String referee = uniqueEmail("referee");
        submitApplication(uniqueEmail("applicant"), referee);
        String link = link(onlyMailLinking(referee, "/links/reference/"), "/links/reference/");

        LinkPage page = LinkPage.open(driver, url(link));
        assertThat(page.heading()).isEqualTo("Reference for Ana Lima");

        page.submit();
        assertThat(page.errors()).containsExactly("choose a recommendation");
        assertThat(page.heading()).as("still the form, nothing stored").isEqualTo("Reference for Ana Lima");

        page.select("recommendation", "Yes, I recommend them").fill("knownForYears", "6").fill("comments", "Reliable.").submit();
        assertThat(page.heading()).isEqualTo("Thank you");
        assertThat(page.mainText()).contains("Your reference has been received");
        assertThat(jdbc.queryForObject("SELECT r.status FROM reference_check r JOIN data_subject s ON s.id = r.referee_subject_id WHERE s.email = ?",
                String.class, referee))
                .isEqualTo("RECEIVED");
    }

    @Test
    void moreInformationLink_showsTheQuestion_refusesABlankAnswer_andTakesTheAnswer() {
        String applicant = uniqueEmail("applicant");
        String referee = uniqueEmail("referee");
        long applicationId = submitApplication(applicant, referee);
        String referenceLink = link(onlyMailLinking(referee, "/links/reference/"), "/links/reference/");
        LinkPage.open(driver, url(referenceLink)).select("recommendation", "Yes, I recommend them").submit();
        runDueJobs();

        String question = "Which evenings could you mentor?";
        Task review = reviewTask(applicationId);
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"MORE_INFO\",\"reason\":\"" + question + "\"}");
        runDueJobs();
        String answerLink = link(onlyMailLinking(applicant, "/links/more-information/"), "/links/more-information/");

        LinkPage page = LinkPage.open(driver, url(answerLink));
        assertThat(page.heading()).isEqualTo("One question about your application");
        assertThat(page.mainText()).contains(question);

        page.submit();
        assertThat(page.errors()).hasSize(1);
        assertThat(page.hasForm()).as("still the form, nothing stored").isTrue();

        page.fill("answer", "Tuesdays and Thursdays").submit();
        assertThat(page.heading()).isEqualTo("Thank you");
        assertThat(jdbc.queryForObject("SELECT more_info_answer FROM application WHERE id = ?", String.class, applicationId))
                .isEqualTo("Tuesdays and Thursdays");
    }

    private long submitApplication(String applicant, String referee) {
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).isEqualTo(201);
        runDueJobs();
        confirmAddress(applicant); // issue 7 finding 6: referees are asked only after
        return idFrom(submitted.body());
    }

    /** The one mail to this recipient with a link under this path (the applicant also has their confirmation mail). */
    private MimeMessage onlyMailLinking(String recipient, String pathPrefix) {
        List<MimeMessage> mail = deliverMailTo(recipient).stream().filter(m -> body(m).contains(pathPrefix)).toList();
        assertThat(mail).hasSize(1);
        return mail.get(0);
    }

    private Task reviewTask(long applicationId) {
        return taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION)
                .processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId)).singleResult();
    }
}
