package org.steward.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.steward.application.ApplicationProcess;
import org.steward.support.IntegrationTest;

/** What the matching tests share: members admitted the real way (apply, confirm, reference, approve), matching jobs only. */
abstract class MatchingIntegrationTest extends IntegrationTest {

    private static final List<String> MATCHING = List.of(MatchingProcesses.REQUEST_KEY, MatchingProcesses.MATCH_KEY);

    @AfterEach
    void engineClockBackToNow() {
        ClockUtil.reset();
    }

    /** A person as they apply: the profile the scoring reads. */
    record Applicant(String kind, String name, String email, String phone, String postalCode, String city, String industry,
                     String expertise, String businessName, List<String> languages, Long organisationId) {

        static Applicant mentor(String name, String email, String city, String industry, String expertise, String... languages) {
            return new Applicant("MENTOR", name, email, "+49 30 555 0101", "10115", city, industry, expertise, null,
                    List.of(languages), null);
        }

        static Applicant entrepreneur(String name, String email, Long organisationId) {
            return new Applicant("ENTREPRENEUR", name, email, "+351 21 555 0199", "10117", "Berlin", "Software",
                    "Selling software to small bakeries", "Crumb Labs", List.of("English", "Portuguese"), organisationId);
        }

        String json(String refereeEmail) {
            String langs = String.join(",", languages.stream().map(l -> "\"" + l + "\"").toList());
            return """
                    {"kind":"%s","name":"%s","email":"%s","phone":"%s","birthYear":1985,"postalCode":"%s","city":"%s",
                     "industry":"%s","expertise":"%s",%s"languages":[%s],%s
                     "referees":[{"name":"Ref Eree","email":"%s","relationship":"Former colleague"}]}"""
                    .formatted(kind, name, email, phone, postalCode, city, industry, expertise,
                            businessName == null ? "" : "\"businessName\":\"" + businessName + "\",", langs,
                            organisationId == null ? "" : "\"organisationId\":" + organisationId + ",", refereeEmail);
        }
    }

    /** Admitted through the real application flow (APP-1 to APP-6); returns the member id. */
    protected long admit(Applicant applicant) {
        String referee = uniqueEmail("referee");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicant.json(referee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        confirmAddress(applicant.email());
        String referenceLink = link(deliverMailTo(referee).get(0), "/links/reference/");
        browser.get(referenceLink);
        assertThat(browser.postForm(referenceLink, Map.of("recommendation", "RECOMMEND", "knownForYears", "4", "comments", "Reliable."))
                .statusCode()).isEqualTo(200);
        runDueJobs();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId)).singleResult();
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        return jdbc.queryForObject("SELECT member_id FROM application WHERE id = ?", Long.class, applicationId);
    }

    /** Runs the due jobs of the matching processes only, earliest first (the engine clock may have moved); jobs of no process (history cleanup) are skipped. */
    protected void runMatchingJobs() {
        for (int executed = 0; executed < 500; executed++) {
            List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
                    .filter(job -> job.getProcessDefinitionKey() != null && MATCHING.contains(job.getProcessDefinitionKey())).limit(1).toList();
            if (due.isEmpty()) {
                return;
            }
            managementService.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Matching jobs keep appearing");
    }

    /** The mails to {@code to} whose subject is {@code subject} (delivering what is due first). */
    protected List<MimeMessage> mails(String to, String subject) {
        return deliverMailTo(to).stream().filter(m -> subjectOf(m).equals(subject)).toList();
    }

    protected MimeMessage mail(String to, String subject) {
        List<MimeMessage> found = mails(to, subject);
        assertThat(found).as("mails to %s titled '%s'", to, subject).hasSize(1);
        return found.get(0);
    }

    protected static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Task openTask(long requestId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(MatchingProcesses.requestKey(requestId)).singleResult();
    }

    protected long staffRequest(long entrepreneurId, String need, String language) {
        HttpResponse<String> created = browser.postJson("/api/match-requests",
                "{\"entrepreneurId\":" + entrepreneurId + ",\"need\":\"" + need + "\",\"language\":\"" + language + "\"}", "peter");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return idFrom(created.body());
    }

    protected long matchOf(long requestId) {
        return jdbc.queryForObject("SELECT id FROM mentor_match WHERE request_id = ?", Long.class, requestId);
    }
}
