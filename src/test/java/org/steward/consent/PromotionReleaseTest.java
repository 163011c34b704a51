package org.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;

/**
 * "Release member story" end to end (CON-4): only a member who consents to PROMOTION is asked; the member
 * sees the story and confirms or refuses by link; only a confirmation brings "Publish story"; silence for
 * 14 days closes it; a withdrawal of PROMOTION cancels it at once (CON-2). The story never enters the engine.
 */
class PromotionReleaseTest extends ConsentIntegrationTest {

    @Autowired
    private DataSubjects subjects;
    @Autowired
    private Members members;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void confirmed_bringsPublishStory_andStaffPublish() {
        String to = uniqueEmail("story");
        long m = memberWithPromotion(to);
        String marker = Markers.unique();
        long release = requestRelease(m, "Mia mentored five founders in a year. story-" + marker);
        assertThat(openTask(release)).as("no Publish story before the member confirms").isNull();

        MimeMessage asked = mail(to, "May we release your story?");
        assertThat(body(asked)).contains("story-" + marker);
        String link = link(asked, "/links/release/");
        HttpResponse<String> page = memberGet(link);
        assertThat(page.body()).contains("story-" + marker);
        assertThat(memberPost(link, List.of(Map.entry("decision", "MAYBE"))).statusCode()).isEqualTo(400);
        HttpResponse<String> confirmed = memberPost(link, List.of(Map.entry("decision", "CONFIRM")));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("we may release your story");

        Task publish = openTask(release);
        assertThat(publish.getName()).isEqualTo("Publish story of release #" + release);
        assertThat(browser.getJson("/api/staff/tasks/" + publish.getId() + "/view", "peter").body()).contains("story-" + marker);
        assertThat(browser.postJson("/api/staff/tasks/" + publish.getId() + "/input", "{\"published\":false}", "peter").statusCode())
                .isEqualTo(400);
        completeAsTasklist(publish.getId(), "peter", "{\"published\":true}");
        assertThat(jdbc.queryForMap("SELECT status, published_by FROM promotion_release WHERE id = ?", release))
                .containsEntry("status", "PUBLISHED").containsEntry("published_by", "peter");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("release-" + release)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_StoryPublished");
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE case_key = ? ORDER BY sequence_no", String.class,
                "release-" + release)).containsExactly("RELEASE_REQUESTED", "RELEASE_CONFIRMED", "STORY_PUBLISHED", "TASK_COMPLETED");
        assertNotInHistory("story-" + marker);
    }

    @Test
    void refused_endsIt_andNoTaskAppears() {
        String to = uniqueEmail("refuse");
        long release = requestRelease(memberWithPromotion(to), "A story the member will refuse.");
        String link = link(mail(to, "May we release your story?"), "/links/release/");
        memberGet(link);
        assertThat(memberPost(link, List.of(Map.entry("decision", "REFUSE"))).body()).contains("nothing will be released");
        assertThat(openTask(release)).isNull();
        assertThat(status(release)).isEqualTo("REFUSED");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("release-" + release)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_ReleaseRefused");
        assertThat(memberGet(link).statusCode()).as("answered once").isEqualTo(410);
    }

    @Test
    void silentFor14Days_isClosed_andTheLinkStopsWorking() {
        String to = uniqueEmail("silent");
        long release = requestRelease(memberWithPromotion(to), "A story nobody answers.");
        String link = link(mail(to, "May we release your story?"), "/links/release/");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(15))));
        runConsentJobs();
        assertThat(status(release)).isEqualTo("EXPIRED");
        assertThat(openTask(release)).isNull();
        assertThat(memberGet(link).statusCode()).isEqualTo(410);
    }

    @Test
    void promotionWithdrawnAfterConfirming_removesPublishStory_andCancels() {
        String to = uniqueEmail("withdraws");
        long m = memberWithPromotion(to);
        long release = requestRelease(m, "A story the member confirms and then regrets.");
        String link = link(mail(to, "May we release your story?"), "/links/release/");
        memberGet(link);
        memberPost(link, List.of(Map.entry("decision", "CONFIRM")));
        assertThat(openTask(release)).isNotNull();

        staffRecords(m, "PROMOTION", false);
        assertThat(openTask(release)).isNull();
        assertThat(status(release)).isEqualTo("CANCELLED");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("release-" + release)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_ReleaseCancelled");
    }

    @Test
    void memberDeactivatedAfterConfirming_removesPublishStory_andCancels_DSR6() {
        String to = uniqueEmail("leaves");
        long m = memberWithPromotion(to);
        long release = requestRelease(m, "A story of a member who then leaves.");
        String link = link(mail(to, "May we release your story?"), "/links/release/");
        memberGet(link);
        memberPost(link, List.of(Map.entry("decision", "CONFIRM")));
        assertThat(openTask(release)).isNotNull();

        assertThat(browser.postJson("/api/members/" + m + "/deactivation", "", "priya").statusCode()).isEqualTo(202);
        runDueJobs();
        assertThat(openTask(release)).as("nothing is done about a deactivated member").isNull();
        assertThat(status(release)).isEqualTo("CANCELLED");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("release-" + release)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_ReleaseCancelled");
    }

    @Test
    void memberErasedWhileAReleaseWaits_leavesNoReleaseCaseInTheEngine_DSR7() {
        long m = memberWithPromotion(uniqueEmail("erased"));
        long release = requestRelease(m, "A story of a member who is then erased.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("release-" + release).count()).isOne();

        // Under-age (DSR-10) erases at once, without a confirmation mail to wait for.
        assertThat(browser.postJson("/api/members/" + m + "/under-age", "", "priya").statusCode()).isEqualTo(202);
        runDueJobs();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("release-" + release).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("release-" + release).count())
                .as("the release case left the engine's history with the person").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM promotion_release WHERE id = ?", Long.class, release)).isZero();
    }

    @Test
    void aMemberWithoutPromotionConsent_isNotAsked_400_andNothingIsStored() {
        long m = transaction.execute(s -> members.admit(subjects.findOrCreate(uniqueEmail("nopromo"), "No Promo"), null));
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM promotion_release", Long.class);
        HttpResponse<String> refused = browser.postJson("/api/releases", "{\"memberId\":" + m + ",\"story\":\"Anything\"}", "peter");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("does not consent to PROMOTION");
        assertThat(browser.postJson("/api/releases", "{\"memberId\":99999999,\"story\":\"Anything\"}", "peter").statusCode()).isEqualTo(404);
        assertThat(browser.postJson("/api/releases", "{\"memberId\":" + m + ",\"story\":\"Anything\"}", "audrey").statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM promotion_release", Long.class)).isEqualTo(before);
    }

    private long memberWithPromotion(String email) {
        long m = transaction.execute(s -> members.admit(subjects.findOrCreate(email, "Mia Story"), null));
        staffRecords(m, "PROMOTION", true);
        return m;
    }

    private long requestRelease(long memberId, String story) {
        HttpResponse<String> requested = browser.postJson("/api/releases",
                "{\"memberId\":" + memberId + ",\"story\":\"" + story + "\"}", "peter");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(requested.body()).contains("\"status\":\"AWAITING_ANSWER\"");
        runConsentJobs();
        return idFrom(requested.body());
    }

    private void staffRecords(long memberId, String purpose, boolean granted) {
        assertThat(browser.postJson("/api/members/" + memberId + "/consents",
                "{\"purpose\":\"" + purpose + "\",\"granted\":" + granted + "}", "peter").statusCode()).isEqualTo(200);
    }

    private Task openTask(long release) {
        return taskService.createTaskQuery().processInstanceBusinessKey("release-" + release).singleResult();
    }

    private String status(long release) {
        return jdbc.queryForObject("SELECT status FROM promotion_release WHERE id = ?", String.class, release);
    }
}
