package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.steward.breach.BreachProcess;
import org.steward.support.browser.AuditPages;
import org.steward.support.browser.BrowserTest;

/**
 * The auditors' view in a real browser (AUD-2, AUD-4, BRE-6): an auditor filters the case list, opens an
 * incident's timeline (its ISO notice missed, sent automatically) and the breach report with its CSV link.
 */
class AuditPagesBrowserTest extends BrowserTest {

    @Test
    void auditor_opensACaseTimeline_andTheBreachReport() {
        HttpResponse<String> organisation = browser.postJson("/api/organisations",
                "{\"name\":\"Browser Audit " + System.nanoTime() + "\",\"website\":\"\"}", "ada");
        long organisationId = idFrom(organisation.body());
        browser.putJson("/api/organisations/" + organisationId + "/security-contacts",
                "{\"isoName\":\"Ines Officer\",\"isoEmail\":\"" + uniqueEmail("iso-browser") + "\"}", "ada");
        HttpResponse<String> reported = browser.postJson("/api/incidents", """
                {"discoveredAt":"%s","summary":"Browser audit incident","dataCategories":["contact details"],
                 "organisationIds":[%d],"memberIds":[],"allMembersOfOrganisationIds":[]}"""
                .formatted(Instant.now().minus(Duration.ofHours(25)).truncatedTo(ChronoUnit.SECONDS), organisationId), "sam");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String incident = BreachProcess.businessKey(idFrom(reported.body()));
        runDueJobs();

        signIn("audrey");
        AuditPages cases = AuditPages.open(driver, url("/audit"));
        assertThat(cases.heading()).isEqualTo("Audit");
        cases = cases.filter(BreachProcess.KEY, LocalDate.now(ZoneOffset.UTC).minusDays(2).toString());
        assertThat(cases.caseKeys()).contains(incident);

        AuditPages timeline = cases.openCase(incident);
        assertThat(timeline.heading()).isEqualTo("Case " + incident);
        assertThat(timeline.stepActivities()).contains("Task_SendMinimalIsoNotice");
        assertThat(timeline.deadlineOutcomes()).contains("MISSED");
        assertThat(timeline.mainText()).doesNotContain("Browser audit incident", "Ines Officer");
        // Issue 13: the model drawn by bpmn-js, with the path taken highlighted.
        assertThat(timeline.diagramCompletedElements()).as(timeline.diagramStatus()).contains("Task_SendMinimalIsoNotice");
        assertThat(timeline.diagramTakenFlows()).isPositive();
        assertThat(timeline.diagramStatus()).contains("Green: completed");
        screenshot("case-timeline");

        AuditPages report = timeline.openBreachReport();
        assertThat(report.heading()).isEqualTo("Breach deadline compliance");
        assertThat(report.reportIncidents()).contains(incident);
        assertThat(report.csvLink()).contains("format=csv");
        screenshot("breach-report");
    }
}
