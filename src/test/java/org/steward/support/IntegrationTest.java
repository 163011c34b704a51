package org.steward.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steward.mail.OutboxDispatcher;

/**
 * The whole service on a random port, against H2 (subclasses may name a real database), with
 * GreenMail as its SMTP server. The job executor and the outbox poller are off: tests run jobs and
 * dispatch mail themselves, so nothing happens behind their back. Metrics are exported as in production, so
 * /actuator/prometheus exists (issue 14).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected OutboxDispatcher outboxDispatcher;
    @Autowired
    protected JdbcTemplate jdbc;

    protected Browser browser;

    /** The test profile sends mail to this port; a class with its own SMTP server sets spring.mail.port itself. */
    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("steward.test.smtp-port", () -> TestSmtp.PORT);
    }

    @BeforeEach
    void freshBrowserAndMailbox() throws Exception {
        browser = new Browser(port);
        TestSmtp.server().purgeEmailFromAllMailboxes();
    }

    /** Runs every job that is due, as the job executor would. */
    protected void runDueJobs() {
        DueJobs.run(managementService);
    }

    /** Lets the outbox send everything due, then returns the mails that reached SMTP for this address. */
    protected List<MimeMessage> deliverMailTo(String recipient) {
        outboxDispatcher.dispatchDue();
        return Arrays.stream(TestSmtp.server().getReceivedMessages())
                .filter(m -> isFor(m, recipient))
                .toList();
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The applicant confirms their address through the mailed link (issue 7 finding 6): the mail's link
     * opens a page, its button confirms, and the process goes on to ask the referees.
     */
    protected void confirmAddress(String applicant) {
        runDueJobs();
        List<MimeMessage> mail = deliverMailTo(applicant).stream()
                .filter(m -> body(m).contains("/links/confirm-email/")).toList();
        assertThat(mail).as("confirmation mail to %s", applicant).hasSize(1);
        String link = link(mail.get(0), "/links/confirm-email/");
        assertThat(browser.get(link).statusCode()).isEqualTo(200);
        HttpResponse<String> confirmed = browser.postForm(link, Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your address is confirmed");
        runDueJobs();
    }

    protected static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The first link in a mail whose path starts with {@code pathPrefix}. */
    protected static String link(MimeMessage message, String pathPrefix) {
        Matcher m = Pattern.compile("https?://[^/\\s\"]+(" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+)").matcher(body(message));
        assertThat(m.find()).as("mail contains a %s link", pathPrefix).isTrue();
        return m.group(1);
    }

    /**
     * Completes a task the way a Steward form in Tasklist does: the typed input goes to Steward's API,
     * then Tasklist's submit-form completes the task with no variables.
     */
    protected void completeAsTasklist(String taskId, String user, String inputJson) {
        HttpResponse<String> saved = browser.postJson("/api/staff/tasks/" + taskId + "/input", inputJson, user);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> completed = browser.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{}}", user);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    /** No text column of any Camunda history table holds {@code text}. */
    protected void assertNotInHistory(String text) {
        assertThat(Markers.couldBePartOfAnId(text)).as("'%s' could be part of an engine id: use Markers.unique()", text).isFalse();
        assertThat(TextScan.columnsContaining(jdbc, "act_hi_", text)).as("history columns holding '%s'", text).isEmpty();
    }

    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    protected static String applicationJson(String email, String... refereeEmails) {
        StringBuilder referees = new StringBuilder();
        for (int i = 0; i < refereeEmails.length; i++) {
            if (i > 0) {
                referees.append(',');
            }
            referees.append("""
                    {"name":"Referee %d","email":"%s","relationship":"Former colleague"}""".formatted(i + 1, refereeEmails[i]));
        }
        return """
                {"kind":"MENTOR","name":"Ana Lima","email":"%s","birthYear":1985,"postalCode":"10115",
                 "industry":"Software","expertise":"Scaling engineering teams","languages":["English","Portuguese"],
                 "referees":[%s]}""".formatted(email, referees);
    }

    protected static long idFrom(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as("id in %s", json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
