package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.DevMailPage;
import org.steward.support.browser.LinkPage;
import org.steward.support.browser.StewardPage;

/**
 * /dev/mail as a developer meets it (issue 8 item 8), with the embedded default's own SMTP sink:
 * the service sends to the sink, the page reads it. That needs a context of its own (the test
 * profile has no sink, and the usual test SMTP server owns its port), on a fixed port so the links
 * in the mails point at it. It has its own in-memory database and engine name and is closed after
 * the class, so the shared H2 context never meets a second engine called "default" or its tables;
 * and it runs without Camunda's webapps, whose Spring Boot starter keeps the application context
 * in a static field and clears it when a context closes (Tasklist in the shared context would
 * then answer 500).
 */
@TestPropertySource(properties = {"steward.dev-mail.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:steward-dev-mail;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true", "camunda.bpm.webapp.enabled=false"})
@DirtiesContext
class DevMailBrowserTest extends BrowserTest {

    private static final int SERVER_PORT = freePort();
    private static final int SINK_PORT = freePort();

    @DynamicPropertySource
    static void ownSinkAndPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SINK_PORT);
        registry.add("server.port", () -> SERVER_PORT);
        registry.add("steward.base-url", () -> "http://localhost:" + SERVER_PORT);
    }

    @Autowired
    private JavaMailSender mailSender;
    @Autowired
    private com.icegreen.greenmail.util.GreenMail devMailSink;

    @BeforeEach
    void signedInAsStaff() {
        signIn("ada");
        browser.get("/login");
        browser.postForm("/login", Map.of("username", "ada", "password", "demo"));
    }

    @Test
    void list_showsNewestFirst_underIdsThatNewMailDoesNotShift() {
        String firstReferee = uniqueEmail("referee");
        applyNaming(firstReferee);
        DevMailPage list = DevMailPage.open(driver, url("/dev/mail"));
        DevMailPage.Row first = list.rows().get(0);
        assertThat(first.to()).contains(firstReferee);
        assertThat(first.subject()).isEqualTo("Would you give a reference?");

        String secondReferee = uniqueEmail("referee");
        applyNaming(secondReferee);
        list = DevMailPage.open(driver, url("/dev/mail"));
        List<DevMailPage.Row> rows = list.rows();
        assertThat(rows.get(0).to()).as("newest first").contains(secondReferee);
        assertThat(rows).contains(first);

        DevMailPage mail = DevMailPage.open(driver, url("/dev/mail/" + first.id()));
        assertThat(mail.to()).as("the old address still shows the same mail").contains(firstReferee);
    }

    @Test
    void mail_showsTheHtmlPartInASandboxedFrame_besideThePlainText_withLinksThatOpen() {
        String referee = uniqueEmail("referee");
        applyNaming(referee);

        DevMailPage mail = DevMailPage.open(driver, url("/dev/mail")).openMail("Would you give a reference?", referee);
        assertThat(mail.htmlFrame().getDomAttribute("sandbox")).isEqualTo("allow-popups allow-popups-to-escape-sandbox");
        assertThat(mail.htmlText()).contains("Ana Lima", "Give a reference");
        assertThat(mail.textPart()).contains("Give a reference: http://localhost:" + SERVER_PORT + "/links/reference/");
        assertThat(mail.links()).hasSize(2).allMatch(link -> link.startsWith("http://localhost:" + SERVER_PORT + "/links/"));

        mail.clickLinkInHtml("Give a reference");
        assertThat(new LinkPage(driver).heading()).isEqualTo("Reference for Ana Lima");
    }

    @Test
    void aMailsStylesAndScripts_stayInsideItsFrame() throws Exception {
        String to = uniqueEmail("styled");
        MimeMessage hostile = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(hostile, true, "UTF-8");
        helper.setFrom("test@steward.local");
        helper.setTo(to);
        helper.setSubject("Styled mail");
        helper.setText("Plain part", """
                <html><head><style>body { background: rgb(255, 0, 0); } h1, main { display: none; }</style></head>
                <body><p id="marker">script did not run</p>
                <script>document.getElementById('marker').textContent = 'script ran'; parent.document.title = 'hijacked';</script>
                </body></html>""");
        mailSender.send(hostile);

        DevMailPage mail = DevMailPage.open(driver, url("/dev/mail")).openMail("Styled mail", to);
        assertThat(mail.htmlText()).contains("script did not run");
        assertThat(driver.getTitle()).isEqualTo("Styled mail · Steward");
        assertThat(driver.findElement(By.cssSelector("main h1")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color")).isNotEqualTo("rgba(255, 0, 0, 1)");
        assertThat(mail.textPart()).isEqualTo("Plain part");
    }

    @Test
    void unknownOrMalformedIds_getTheNotFoundPage() {
        for (String id : List.of("-1", "99999", "abc", "0123456789abcdef")) {
            StewardPage page = StewardPage.open(driver, url("/dev/mail/" + id));
            assertThat(page.heading()).as(id).isEqualTo("Page not found");
            HttpResponse<String> response = browser.get("/dev/mail/" + id);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
        }
    }

    /** Submits an application naming this referee and lets the outbox deliver the request to the sink. */
    private void applyNaming(String referee) {
        String applicant = uniqueEmail("applicant");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).isEqualTo(201);
        runDueJobs();
        outboxDispatcher.dispatchDue();
        // Issue 7 finding 6: the applicant confirms their address (the link from the dev sink) before referees hear of it.
        String confirmation = java.util.Arrays.stream(devMailSink.getReceivedMessages())
                .filter(m -> isTo(m, applicant) && body(m).contains("/links/confirm-email/"))
                .map(m -> link(m, "/links/confirm-email/")).reduce((first, second) -> second).orElseThrow();
        browser.get(confirmation);
        assertThat(browser.postForm(confirmation, java.util.Map.of()).statusCode()).isEqualTo(200);
        runDueJobs();
        outboxDispatcher.dispatchDue();
    }

    private static boolean isTo(jakarta.mail.internet.MimeMessage message, String address) {
        try {
            return com.icegreen.greenmail.util.GreenMailUtil.getAddressList(message.getAllRecipients()).contains(address);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
