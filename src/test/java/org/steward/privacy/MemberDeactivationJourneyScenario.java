package org.steward.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.audit.AuditTrail;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;

/**
 * DSR-6 end to end over real HTTP and SMTP (issue 9 point 4): a member admitted through the real application
 * flow deactivates through the link in their welcome mail, is hidden and hears nothing more but the
 * confirmation, and is anonymised when the retention period ends (engine clock moved): afterwards an
 * independent scan of every text and binary column of every table, ACT_* included, finds neither their email
 * nor their name, while another member is untouched. And a member deactivated by a privacy officer comes
 * back through the confirmation's link. Used or tampered links get the "link not valid" page; nothing is a 5xx.
 * Subclasses run it on H2 and MariaDB/MySQL.
 */
abstract class MemberDeactivationJourneyScenario extends PrivacyJourney {

    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    AuditTrail audit;

    @Test
    void memberDeactivatesThroughTheWelcomeMail_isHiddenAndSilent_andIsAnonymisedWhenTheRetentionPeriodEnds() throws Exception {
        String marker = Markers.unique();
        String name = "Leaving Member " + marker;
        String email = uniqueEmail("leaving");
        String otherName = "Staying Member " + marker;
        String otherEmail = uniqueEmail("staying");
        long memberId = admitThroughApplication(name, email);
        long otherId = admitThroughApplication(otherName, otherEmail);

        // Every member mail carries a "manage my membership" link (approval and welcome alike).
        List<MimeMessage> admitted = deliverMailTo(email);
        assertThat(admitted).extracting(MimeMessage::getSubject)
                .contains("Your application has been approved", "Welcome to the community");
        MimeMessage welcome = admitted.stream().filter(m -> subjectOf(m).equals("Welcome to the community")).findFirst().orElseThrow();
        MimeMessage approval = admitted.stream().filter(m -> subjectOf(m).equals("Your application has been approved")).findFirst().orElseThrow();
        assertThat(link(approval, "/links/membership/")).isNotBlank();
        String manageLink = link(welcome, "/links/membership/");
        assertThat(link(welcome, "/links/membership/")).isNotEqualTo(link(approval, "/links/membership/"));

        // GET only shows; POST deactivates, at once.
        HttpResponse<String> page = browser.get(manageLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Manage my membership", name, "Deactivate my membership");
        assertThat(status(memberId)).isEqualTo("ACTIVE");
        HttpResponse<String> deactivated = browser.postForm(manageLink, Map.of());
        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(deactivated.body()).contains("Your membership is deactivated");
        assertThat(status(memberId)).isEqualTo("DEACTIVATED");

        // Hidden from program staff at once; privacy officers still see who it is until the data is anonymised.
        String forStaff = browser.getJson("/api/members/" + memberId, "peter").body();
        assertThat(forStaff).contains("\"status\":\"DEACTIVATED\"").doesNotContain(name, email, "profile");
        String forOfficer = browser.getJson("/api/members/" + memberId, "priya").body();
        assertThat(forOfficer).contains("\"status\":\"DEACTIVATED\"", email, "\"retainUntil\"");

        // Nothing more reaches them but the confirmation, whichever capability tries.
        Boolean queued = transaction.execute(s -> outbox.enqueue(new Mail("test-" + marker, "member:" + memberId, "member-welcome",
                email, Map.of("name", name)).toSubject(subjectOf(memberId))));
        assertThat(queued).isFalse();
        runDueJobs();
        List<MimeMessage> afterwards = deliverMailTo(email).subList(admitted.size(), deliverMailTo(email).size());
        assertThat(afterwards).extracting(MimeMessage::getSubject).containsExactly("Your membership has been deactivated");
        String reactivationLink = link(afterwards.get(0), "/links/reactivation/");
        assertThat(body(afterwards.get(0))).doesNotContain("/links/membership/");

        // The manage link worked once.
        assertThat(browser.get(manageLink).statusCode()).isEqualTo(410);
        assertThat(browser.get(manageLink).body()).contains("This link has already been used");

        // The retention period ends: the member's own timer anonymises them.
        Instant retainUntil = jdbc.queryForObject("SELECT retain_until FROM member_deactivation WHERE member_id = ?",
                java.sql.Timestamp.class, memberId).toInstant();
        assertThat(retainUntil).isAfter(Instant.now().plus(java.time.Duration.ofDays(360)));
        String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("member-" + memberId)
                .singleResult().getId();
        ClockUtil.setCurrentTime(Date.from(retainUntil.minusSeconds(3600)));
        runJobsOf(processId);
        assertThat(status(memberId)).isEqualTo("DEACTIVATED");
        ClockUtil.setCurrentTime(Date.from(retainUntil.plusSeconds(60)));
        runJobsOf(processId);
        ClockUtil.reset();

        assertThat(status(memberId)).isEqualTo("ANONYMISED");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processId)
                .activityId("EndEvent_MemberAnonymised").count()).isEqualTo(1);
        // The member is hidden at once; the ErasureProcess it handed them to erases them everywhere (DSR-7).
        assertThat(retentionErasureOf(memberId)).isEqualTo("RUNNING");
        runDueJobs();
        assertThat(retentionErasureOf(memberId)).isEqualTo("VERIFIED");
        assertThat(browser.getJson("/api/members/" + memberId, "priya").body())
                .contains("\"status\":\"ANONYMISED\"").doesNotContain(name, email, "profile");
        for (String gone : List.of(reactivationLink, manageLink)) {
            HttpResponse<String> invalid = browser.get(gone);
            assertThat(invalid.statusCode()).isEqualTo(404);
            assertThat(invalid.body()).contains("This link is not valid");
        }

        // Nothing is left to deactivate.
        HttpResponse<String> gone = browser.postJson("/api/members/" + memberId + "/deactivation", "", "priya");
        assertThat(gone.statusCode()).isEqualTo(409);
        assertThat(gone.body()).contains("anonymised").doesNotContain(name, email);

        // Independent proof: not one column of any table, ours or the engine's, holds their email or name.
        assertThat(columnsHolding(email)).as("columns holding the member's email").isEmpty();
        assertThat(columnsHolding(name)).as("columns holding the member's name").isEmpty();
        // The other member is untouched.
        assertThat(status(otherId)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT display_name FROM data_subject WHERE email = ?", String.class, otherEmail))
                .isEqualTo(otherName);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_profile p JOIN member m ON m.subject_id = p.subject_id WHERE m.id = ?",
                Long.class, otherId)).isEqualTo(1);
        assertThat(columnsHolding(otherEmail)).contains("data_subject.email");
        // Each state change is in the tamper-evident trail, by ids only.
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE case_key = ? ORDER BY sequence_no", String.class,
                "member-" + memberId)).containsExactly("DEACTIVATION_REQUESTED", "MEMBER_DEACTIVATED", "MEMBER_ANONYMISED");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aPrivacyOfficerDeactivatesAMember_whoComesBackThroughTheConfirmationWithinTheRetentionPeriod() throws Exception {
        String marker = Markers.unique();
        String name = "Returning Member " + marker;
        String email = uniqueEmail("returning");
        long memberId = admitThroughApplication(name, email);
        int mailsBefore = deliverMailTo(email).size();

        // Bad requests store nothing and are never a 5xx.
        assertThat(browser.postJson("/api/members/" + memberId + "/deactivation", "", "peter").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = browser.postJson("/api/members/987654321/deactivation", "", "priya");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"title\":\"Not found\"");
        assertThat(browser.postJson("/api/members/not-a-number/deactivation", "", "priya").statusCode()).isEqualTo(400);
        assertThat(browser.getJson("/api/members/987654321", "peter").statusCode()).isEqualTo(404);
        assertThat(browser.getJson("/api/members/" + memberId, "sam").statusCode()).isEqualTo(403);
        assertThat(status(memberId)).isEqualTo("ACTIVE");

        // Program staff see the profile without demographics (APP-1); privacy officers see them.
        assertThat(browser.getJson("/api/members/" + memberId, "peter").body())
                .contains("\"status\":\"ACTIVE\"", name, "\"industry\":\"Software\"").doesNotContain("birthYear");
        assertThat(browser.getJson("/api/members/" + memberId, "priya").body()).contains("\"birthYear\":1985");

        // A mail queued for the member but not yet sent when they are deactivated is never sent.
        transaction.executeWithoutResult(s -> outbox.enqueue(new Mail("pending-" + marker, "member:" + memberId, "member-welcome",
                email, Map.of("name", name)).toSubject(subjectOf(memberId))));
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE idempotency_key = ?", String.class, "pending-" + marker))
                .isEqualTo("PENDING");

        HttpResponse<String> accepted = browser.postJson("/api/members/" + memberId + "/deactivation", "", "priya");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"memberId\":" + memberId, "\"status\":\"DEACTIVATED\"", "\"retainUntil\"");
        // Asking again changes nothing: still one deactivation, one process, one confirmation.
        HttpResponse<String> again = browser.postJson("/api/members/" + memberId + "/deactivation", "", "priya");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(accepted.body());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("member-" + memberId).count()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT status, text_body FROM outbox_message WHERE idempotency_key = ?", "pending-" + marker))
                .containsEntry("status", "CANCELLED").containsEntry("text_body", "");
        runDueJobs();

        List<MimeMessage> confirmation = deliverMailTo(email).subList(mailsBefore, deliverMailTo(email).size());
        assertThat(confirmation).extracting(MimeMessage::getSubject).containsExactly("Your membership has been deactivated");
        String reactivationLink = link(confirmation.get(0), "/links/reactivation/");

        // A tampered link is as unknown as a made-up one.
        String tampered = reactivationLink.substring(0, reactivationLink.length() - 2)
                + (reactivationLink.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> tamperedPage = browser.get(tampered);
        assertThat(tamperedPage.statusCode()).isEqualTo(404);
        assertThat(tamperedPage.body()).contains("This link is not valid");
        assertThat(browser.postForm(tampered, Map.of()).statusCode()).isEqualTo(404);
        assertThat(status(memberId)).isEqualTo("DEACTIVATED");

        HttpResponse<String> page = browser.get(reactivationLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Reactivate my membership", name);
        assertThat(status(memberId)).isEqualTo("DEACTIVATED");
        HttpResponse<String> back = browser.postForm(reactivationLink, Map.of());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("Welcome back");
        assertThat(status(memberId)).isEqualTo("ACTIVE");

        // The retention timer went with the wait; the process ended as reactivated.
        String processId = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("member-" + memberId)
                .singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(processId).timers().count()).isZero();
        runDueJobs();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processId)
                .activityId("EndEvent_MemberReactivated").count()).isEqualTo(1);
        List<MimeMessage> welcomeBack = deliverMailTo(email).subList(mailsBefore + 1, deliverMailTo(email).size());
        assertThat(welcomeBack).extracting(MimeMessage::getSubject).containsExactly("Welcome back: your membership is active again");
        assertThat(link(welcomeBack.get(0), "/links/membership/")).isNotBlank();

        // Used once: the second click says so.
        HttpResponse<String> usedAgain = browser.postForm(reactivationLink, Map.of());
        assertThat(usedAgain.statusCode()).isEqualTo(410);
        assertThat(usedAgain.body()).contains("This link has already been used");
        assertThat(browser.getJson("/api/members/" + memberId, "peter").body()).contains("\"status\":\"ACTIVE\"", name);
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE case_key = ? ORDER BY sequence_no", String.class,
                "member-" + memberId)).containsExactly("DEACTIVATION_REQUESTED", "MEMBER_DEACTIVATED", "REACTIVATION_REQUESTED",
                "MEMBER_REACTIVATED");
    }
}
