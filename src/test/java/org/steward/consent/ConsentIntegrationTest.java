package org.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.steward.application.ApplicationProcess;
import org.steward.support.IntegrationTest;

/** What the consent tests share: a member admitted the real way, member pages with repeated fields, consent jobs only. */
abstract class ConsentIntegrationTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> CONSENT_PROCESSES = List.of(ConsentProcesses.RENEWAL_KEY, ConsentProcesses.NEWSLETTER_KEY,
            ConsentProcesses.RELEASE_KEY, ConsentProcesses.POLICY_KEY, ConsentProcesses.INVITATION_KEY);

    private final HttpClient member = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String memberCsrf;

    @AfterEach
    void engineClockBackToNow() {
        ClockUtil.reset();
    }

    /**
     * A member admitted through the real application flow (APP-1 to APP-6): apply, confirm the address, the referee answers
     * through the mailed link, program staff approve in the Tasklist way. Returns the member id.
     */
    protected long admitThroughApplication(String applicant) {
        String referee = uniqueEmail("referee");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        confirmAddress(applicant); // issue 7 finding 6: the referee hears of it only after this
        String referenceLink = link(deliverMailTo(referee).get(0), "/links/reference/");
        assertThat(memberGet(referenceLink).statusCode()).isEqualTo(200);
        assertThat(memberPost(referenceLink, List.of(Map.entry("recommendation", "RECOMMEND"), Map.entry("knownForYears", "4"),
                Map.entry("comments", "Reliable."))).statusCode()).isEqualTo(200);
        runDueJobs();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId)).singleResult();
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        return jdbc.queryForObject("SELECT member_id FROM application WHERE id = ?", Long.class, applicationId);
    }

    /** The one mail to {@code to} whose subject is {@code subject} (delivering what is due first). */
    protected MimeMessage mail(String to, String subject) {
        List<MimeMessage> found = deliverMailTo(to).stream().filter(m -> subjectOf(m).equals(subject)).toList();
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

    /** A member's browser: GET a link page, keeping its CSRF token for the POST that follows. */
    protected HttpResponse<String> memberGet(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
        Matcher m = CSRF.matcher(page.body());
        memberCsrf = m.find() ? m.group(1) : null;
        return page;
    }

    /** POSTs a page's form; fields may repeat (checkboxes). */
    protected HttpResponse<String> memberPost(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (memberCsrf != null) {
            all.add(Map.entry("_csrf", memberCsrf));
        }
        String body = all.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** RFC 8058: the mail provider's POST to the List-Unsubscribe URL: no cookie, no CSRF token, just this body. */
    protected HttpResponse<String> oneClick(String url, String body) {
        HttpClient provider = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(url)).header("Content-Type", "application/x-www-form-urlencoded");
        try {
            return provider.send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the due jobs of the consent processes only, earliest first (the clock may have moved a year). */
    protected void runConsentJobs() {
        for (int executed = 0; executed < 2000; executed++) {
            List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
                    .filter(job -> job.getProcessDefinitionKey() != null && CONSENT_PROCESSES.contains(job.getProcessDefinitionKey()))
                    .limit(1).toList();
            if (due.isEmpty()) {
                return;
            }
            managementService.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Consent jobs keep appearing");
    }

    protected String consents(long memberId) {
        HttpResponse<String> response = browser.getJson("/api/members/" + memberId + "/consents", "peter");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** A path in a mail: links point at steward.base-url, the test talks to its own port. */
    protected static String pathOf(String url) {
        return URI.create(url).getPath();
    }

    private URI uri(String pathOrUrl) {
        String path = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl).getRawPath() : pathOrUrl;
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return member.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
