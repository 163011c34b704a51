package org.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;

/**
 * CON-6 end to end: a policy version effective fewer than 30 business days ahead is refused with a message
 * and nothing is stored; a valid one emails every contactable member (never a deactivated one); a purpose
 * it adds is offered on the preferences page, and nobody is processed for it without opting in.
 */
class PolicyChangeTest extends ConsentIntegrationTest {

    @Autowired
    private DataSubjects subjects;
    @Autowired
    private Members members;
    @Autowired
    private ConsentCheck check;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void tenBusinessDaysAhead_isRefusedWithAMessage_andNothingIsStored() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long policies = count("policy_version");
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(ConsentProcesses.POLICY_KEY).count();
        HttpResponse<String> tooSoon = publish(version(), PolicyChanges.earliestEffectiveDate(today, 10), List.of("NEVER_STORED"));
        assertThat(tooSoon.statusCode()).isEqualTo(400);
        assertThat(tooSoon.body()).contains("\"effectiveDate\"", "at least 30 business days ahead",
                PolicyChanges.earliestEffectiveDate(today, 30).toString());
        HttpResponse<String> dayBefore = publish(version(), PolicyChanges.earliestEffectiveDate(today, 30).minusDays(1), List.of());
        assertThat(dayBefore.statusCode()).isEqualTo(400);
        assertThat(count("policy_version")).isEqualTo(policies);
        assertThat(count("consent_purpose WHERE code = 'NEVER_STORED'")).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ConsentProcesses.POLICY_KEY).count()).isEqualTo(instances);
        // Only privacy officers publish.
        assertThat(browser.postJson("/api/policies", "{}", "peter").statusCode()).isEqualTo(403);
    }

    @Test
    void aVersionAddingAPurpose_asksEveryContactableMember_andNobodyIsProcessedForItWithoutOptingIn() {
        String anaMail = uniqueEmail("policy-ana");
        String benMail = uniqueEmail("policy-ben");
        String goneMail = uniqueEmail("policy-gone");
        long ana = member(anaMail);
        long ben = member(benMail);
        long gone = member(goneMail);
        members.deactivate(gone);
        String purpose = "RESEARCH_" + letters();
        String version = version();
        LocalDate effective = PolicyChanges.earliestEffectiveDate(LocalDate.now(ZoneOffset.UTC), 30);

        HttpResponse<String> published = publish(version, effective, List.of(purpose));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
        long policyId = idFrom(published.body());
        runConsentJobs();

        MimeMessage notice = mail(anaMail, "Our privacy policy is changing");
        assertThat(body(notice)).contains("Version " + version, "summary-" + version, Purposes.label(purpose), "only if you opt in");
        assertThat(deliverMailTo(benMail)).extracting(ConsentIntegrationTest::subjectOf).contains("Our privacy policy is changing");
        assertThat(deliverMailTo(goneMail)).as("never a deactivated member").isEmpty();
        assertThat(check.mayProcess(ana, purpose)).isFalse();
        assertThat(check.mayProcess(ben, purpose)).isFalse();

        // Ana opts in on the preferences page from the notice; the ledger names the new version.
        String preferences = link(notice, "/links/preferences/");
        HttpResponse<String> page = memberGet(preferences);
        assertThat(page.body()).contains(Purposes.label(purpose));
        List<Map.Entry<String, String>> form = new ArrayList<>();
        jdbc.queryForList("SELECT code FROM consent_purpose", String.class).forEach(code -> form.add(Map.entry("offered", code)));
        form.add(Map.entry("purposes", purpose));
        assertThat(memberPost(preferences, form).statusCode()).isEqualTo(200);
        assertThat(check.mayProcess(ana, purpose)).isTrue();
        assertThat(check.mayProcess(ben, purpose)).as("Ben never opted in").isFalse();
        assertThat(jdbc.queryForObject("SELECT policy_version FROM consent_entry WHERE member_id = ? AND purpose = ?",
                String.class, ana, purpose)).isEqualTo(version);

        // The version takes effect on its date.
        assertThat(jdbc.queryForObject("SELECT status FROM policy_version WHERE id = ?", String.class, policyId)).isEqualTo("PUBLISHED");
        ClockUtil.setCurrentTime(Date.from(effective.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(1))));
        runConsentJobs();
        assertThat(jdbc.queryForObject("SELECT status FROM policy_version WHERE id = ?", String.class, policyId)).isEqualTo("IN_FORCE");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("policy-" + policyId)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_PolicyInForce");
        assertNotInHistory("summary-" + version);
    }

    @Test
    void aVersionWithoutANewPurpose_isAnnounced_andOffersNothingNew() {
        String to = uniqueEmail("policy-plain");
        member(to);
        long purposes = count("consent_purpose");
        HttpResponse<String> published = publish(version(), PolicyChanges.earliestEffectiveDate(LocalDate.now(ZoneOffset.UTC), 31), List.of());
        assertThat(published.statusCode()).isEqualTo(202);
        runConsentJobs();
        assertThat(body(mail(to, "Our privacy policy is changing"))).doesNotContain("only if you opt in");
        assertThat(count("consent_purpose")).isEqualTo(purposes);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(historyService
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey("policy-" + idFrom(published.body())).singleResult().getId())
                .activityId("Task_OpenNewPurposes").count()).isZero();
    }

    private HttpResponse<String> publish(String version, LocalDate effective, List<String> newPurposes) {
        String purposes = String.join(",", newPurposes.stream().map(p -> "\"" + p + "\"").toList());
        return browser.postJson("/api/policies", """
                {"version":"%s","effectiveDate":"%s","summary":"We add a research partnership. summary-%s","newPurposes":[%s]}"""
                .formatted(version, effective, version, purposes), "priya");
    }

    private long member(String email) {
        return transaction.execute(s -> members.admit(subjects.findOrCreate(email, "Policy Reader"), null));
    }

    private long count(String tableAndWhere) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + tableAndWhere, Long.class);
    }

    private static String version() {
        return "2026." + letters();
    }

    private static String letters() {
        Random random = new Random();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        return s.toString();
    }
}
