package org.steward.audit.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/** What an auditor typed wrong gets a clear 4xx, never a 5xx (AUD-2, AUD-4; issue 13 "bad input"). */
class AuditBadInputTest extends IntegrationTest {

    @Test
    void unknownCase_isThe404Page() {
        AuditJourneyScenario.AuditorSession audrey = new AuditJourneyScenario.AuditorSession(port);
        assertThat(audrey.get("/audit/cases/ApplicationApprovalProcess/application-99999999").statusCode()).isEqualTo(404);
        assertThat(audrey.get("/audit/cases/NoSuchProcess/whatever").statusCode()).isEqualTo(404);
        assertThat(audrey.get("/audit/cases/NoSuchProcess/whatever/diagram.bpmn").statusCode()).isEqualTo(404);
        assertThat(audrey.get("/audit/cases/DataSubjectRequestProcess/request-99999999").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedDates_tooLongPeriods_andUnknownProcesses_areA400WithTheReason() {
        AuditJourneyScenario.AuditorSession audrey = new AuditJourneyScenario.AuditorSession(port);
        expect400(audrey.get("/audit?from=2026-13-45"), "is not a date");
        expect400(audrey.get("/audit?to=yesterday"), "is not a date");
        expect400(audrey.get("/audit?from=2000-01-01&to=2099-12-31"), "longer than 10 years");
        expect400(audrey.get("/audit?from=2026-12-01&to=2026-11-01"), "before it starts");
        expect400(audrey.get("/audit?process=NoSuchProcess"), "There is no process");
        expect400(audrey.get("/audit?state=sleeping"), "running");
        expect400(audrey.get("/audit?page=-3"), "page");
        expect400(audrey.get("/audit/reports/breach?from=2000-01-01&to=2100-01-01"), "longer than 10 years");
        expect400(audrey.get("/audit/reports/breach?from=01/12/2026&format=csv"), "is not a date");
        expect400(audrey.get("/audit/reports/applications?from=1926-01-01&to=2026-01-01"), "lies outside 2000–2199");
        expect400(audrey.get("/audit/reports/applications?format=xlsx"), "csv");
        // The request and consent reports (issue 13): the same period rules, a century is refused.
        expect400(audrey.get("/audit/reports/requests?from=2000-01-01&to=2099-12-31"), "longer than 10 years");
        expect400(audrey.get("/audit/reports/requests?from=2026-02-30"), "is not a date");
        expect400(audrey.get("/audit/reports/requests/report.csv?to=tomorrow"), "is not a date");
        expect400(audrey.get("/audit/reports/consents?from=2026-01-01&to=2125-12-31"), "longer than 10 years");
        expect400(audrey.get("/audit/reports/consents?from=1926-01-01"), "lies outside 2000–2199");
        expect400(audrey.get("/audit/reports/consents?from=2030-01-01&to=2020-01-01&format=csv"), "before it starts");
        expect400(audrey.get("/audit/reports/consents?format=pdf"), "csv");
        assertThat(audrey.get("/audit?from=2026-01-01&to=2026-12-31&state=running&missed=true").statusCode()).isEqualTo(200);
    }

    @Test
    void theDiagramOfAnUnknownCase_orOfACaseUnderAnotherProcess_isThe404Page() {
        AuditJourneyScenario.AuditorSession audrey = new AuditJourneyScenario.AuditorSession(port);
        for (String path : new String[] {
                "/audit/cases/ApplicationApprovalProcess/application-99999999/diagram.bpmn",
                "/audit/cases/BreachNotificationProcess/incident-99999999/diagram.bpmn",
                "/audit/cases/DataSubjectRequestProcess/request-abc/diagram.bpmn",
                "/audit/cases/DataSubjectRequestProcess/request-abc",
                "/audit/cases/ApplicationApprovalProcess/incident-1/diagram.bpmn",
                "/audit/cases/ApplicationApprovalProcess/" + "x".repeat(2000) + "/diagram.bpmn"}) {
            HttpResponse<String> response = audrey.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("<bpmn:definitions", "Exception");
        }
    }

    @Test
    void oddInput_onEveryAuditPage_isNeverA5xx() {
        AuditJourneyScenario.AuditorSession audrey = new AuditJourneyScenario.AuditorSession(port);
        String[] pages = {"/audit", "/audit/reports/breach", "/audit/reports/applications", "/audit/reports/requests",
                "/audit/reports/consents", "/audit/reports/requests/report.csv", "/audit/reports/consents/report.csv"};
        String[] queries = {"from=2026-01-01&from=2026-02-01", "from=%00", "from=2026-01-01T00:00:00Z", "to=99999-01-01",
                "from=2026-1-1", "from=+2026-01-01", "to=%E2%80%8B2026-01-01", "from=2000-01-01&to=2100-01-01",
                "from=1900-01-01&to=2000-01-01", "format=csv&format=html", "format=%27%3B", "page=99999999999999999999",
                "missed=maybe", "process=%3Cscript%3E", "state="};
        for (String page : pages) {
            for (String query : queries) {
                HttpResponse<String> response = audrey.get(page + "?" + query);
                assertThat(response.statusCode()).as("%s?%s: %s", page, query, response.body()).isBetween(200, 499);
                if (response.statusCode() >= 400) {
                    assertThat(response.body()).as("%s?%s", page, query).contains("id=\"audit-error\"")
                            .doesNotContain("<script>", "Exception");
                }
            }
        }
        // A century, however it is written, is refused with its reason on every report and the case list.
        for (String page : pages) {
            expect400(audrey.get(page + "?from=2001-01-01&to=2100-12-31"), "longer than 10 years");
        }
    }

    private static void expect400(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"audit-error\"", reason);
    }
}
