package org.steward.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Browser;
import org.steward.support.IntegrationTest;

/** Emailed links: hashed, purpose-bound, expiring, single-use; GET shows, only POST acts. */
class MemberLinkTest extends IntegrationTest {

    @Autowired
    LinkService links;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void unknownAndTamperedTokens_getAPlainNotFoundPage() {
        String link = referenceLinkOfNewApplication();
        String tampered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");

        for (String path : List.of("/links/reference/no-such-token", tampered)) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("This link is not valid").doesNotContain("Exception", "at org.");
        }
        assertThat(browser.get(link).statusCode()).as("the real link still works").isEqualTo(200);
    }

    @Test
    void anExpiredLink_saysSo_andCannotAct() {
        String token = new TransactionTemplate(transactionManager)
                .execute(status -> links.issue("reference-form", 999_999L, Duration.ofMinutes(-1)));
        HttpResponse<String> page = browser.get("/links/reference/" + token);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired");
    }

    @Test
    void aLinkIsStoredOnlyAsItsHash_andBoundToItsPurpose() {
        String link = referenceLinkOfNewApplication();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 random bits, base64url
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_link WHERE token_hash = ?", Long.class, token)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_link WHERE token_hash = ?", Long.class, LinkService.hash(token))).isEqualTo(1);
        // The reference-form token does not open the removal page.
        assertThat(browser.get("/links/referee-removal/" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void getNeverChangesState_andAUsedLinkCannotActAgain() {
        String link = referenceLinkOfNewApplication();
        long referenceId = referenceIdOf(link);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get(link).statusCode()).isEqualTo(200); // a mail scanner opening the link
        }
        assertThat(referenceStatus(referenceId)).isEqualTo("REQUESTED");
        // A link's record id is only unique within its purpose: other capabilities' links may share the number.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_link WHERE subject_id = ? AND purpose = 'reference-form' "
                + "AND used_at IS NOT NULL", Long.class, referenceId)).isZero();

        assertThat(browser.postForm(link, Map.of("recommendation", "RECOMMEND")).statusCode()).isEqualTo(200);
        assertThat(referenceStatus(referenceId)).isEqualTo("RECEIVED");

        HttpResponse<String> again = browser.postForm(link, Map.of("recommendation", "DO_NOT_RECOMMEND"));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
        assertThat(browser.get(link).statusCode()).isEqualTo(410);
        assertThat(jdbc.queryForObject("SELECT recommendation FROM reference_check WHERE id = ?", String.class, referenceId))
                .isEqualTo("RECOMMEND");
    }

    @Test
    void parallelPostsOfOneLink_changeStateOnce_andCorrelateOnce() throws Exception {
        String link = referenceLinkOfNewApplication();
        long referenceId = referenceIdOf(link);
        int clicks = 6;
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            Browser b = new Browser(port);
            assertThat(b.get(link).statusCode()).isEqualTo(200);
            browsers.add(b);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Browser b : browsers) {
                Callable<Integer> click = () -> {
                    go.await();
                    return b.postForm(link, Map.of("recommendation", "RECOMMEND")).statusCode();
                };
                results.add(pool.submit(click));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 410).hasSize(clicks - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(referenceStatus(referenceId)).isEqualTo("RECEIVED");
        runDueJobs();
        assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ReviewApplication")
                .processInstanceBusinessKey(applicationIdOf(referenceId)).count()).isEqualTo(1);
    }

    @Test
    void twoRefereesAnsweringAtTheSameMoment_bothCount() throws Exception {
        String first = uniqueEmail("referee");
        String second = uniqueEmail("referee");
        String applicant = uniqueEmail("applicant");
        long applicationId = idFrom(browser.postJson("/api/applications",
                applicationJson(applicant, first, second), null).body());
        confirmAddress(applicant);
        List<String> formLinks = List.of(link(deliverMailTo(first).get(0), "/links/reference/"),
                link(deliverMailTo(second).get(0), "/links/reference/"));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String formLink : formLinks) {
                Browser b = new Browser(port);
                b.get(formLink);
                results.add(pool.submit(() -> {
                    go.await();
                    return b.postForm(formLink, Map.of("recommendation", "RECOMMEND")).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        runDueJobs();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(org.steward.application.ApplicationProcess.businessKey(applicationId))
                .taskDefinitionKey("Task_ReviewApplication").count()).isEqualTo(1);
    }

    private String referenceLinkOfNewApplication() {
        String referee = uniqueEmail("referee");
        String applicant = uniqueEmail("applicant");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).isEqualTo(201);
        confirmAddress(applicant);
        List<MimeMessage> mail = deliverMailTo(referee);
        assertThat(mail).hasSize(1);
        return link(mail.get(0), "/links/reference/");
    }

    private long referenceIdOf(String link) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        return jdbc.queryForObject("SELECT subject_id FROM member_link WHERE token_hash = ?", Long.class, LinkService.hash(token));
    }

    private String referenceStatus(long referenceId) {
        return jdbc.queryForObject("SELECT status FROM reference_check WHERE id = ?", String.class, referenceId);
    }

    private String applicationIdOf(long referenceId) {
        return org.steward.application.ApplicationProcess.businessKey(jdbc.queryForObject("SELECT application_id FROM reference_check WHERE id = ?", Long.class, referenceId));
    }
}
