package org.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/**
 * Issue 7 findings 2, 7 and 10 and issue 8 item 5 for incidents, each through real HTTP as an officer's
 * browser or API client would send it: deadlines and approvers cannot be rewritten through the engine,
 * implausible reports are refused with field messages and store nothing, and incidents start only
 * through Steward (the API or Tasklist's start form), never through the engine's start endpoints.
 */
class IncidentHardeningTest extends IntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void finding2_staffCannotChangeADeadlineOrTheApproverThroughTheEngine_BRE6() {
        long incidentId = reportIncident(Instant.now().minus(Duration.ofHours(1)));
        String businessKey = BreachProcess.businessKey(incidentId);
        Task triage = task(businessKey, BreachProcess.TASK_TRIAGE);
        String instance = triage.getProcessInstanceId();
        List<Map<String, Object>> record = recordOf(incidentId);
        assertThat(record).hasSize(2); // the ISO notice and 72-hour deadlines, opened at intake

        // Variables: staff hold TASK_WORK, never UPDATE, on tasks and process instances.
        String laterDue = "{\"value\":\"2030-01-01T00:00:00.000+0000\",\"type\":\"Date\"}";
        assertThat(browser.postJson("/engine-rest/task/" + triage.getId() + "/variables",
                "{\"modifications\":{\"isoNoticeDueAt\":" + laterDue + "}}", "sam").statusCode()).isEqualTo(403);
        assertThat(browser.putJson("/engine-rest/task/" + triage.getId() + "/variables/isoNoticeApprovedBy",
                "{\"value\":\"mallory\",\"type\":\"String\"}", "sam").statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/engine-rest/process-instance/" + instance + "/variables",
                "{\"modifications\":{\"discoveredAt\":" + laterDue + "}}", "sam").statusCode()).isEqualTo(403);
        assertThat(browser.putJson("/engine-rest/execution/" + instance + "/localVariables/isoNoticeDeadlineMet",
                "{\"value\":true,\"type\":\"Boolean\"}", "sam").statusCode()).isEqualTo(403);

        // Completions set only the task's declared outputs: 400 with a readable message, nothing changed.
        for (String path : List.of("/complete", "/submit-form")) {
            HttpResponse<String> undeclared = browser.postJson("/engine-rest/task/" + triage.getId() + path, """
                    {"variables":{"genuineIncident":{"value":true,"type":"Boolean"},"isoNoticeDueAt":%s}}""".formatted(laterDue), "sam");
            assertThat(undeclared.statusCode()).as(path).isEqualTo(400);
            assertThat(undeclared.body()).contains("may set only genuineIncident", "isoNoticeDueAt").doesNotContain("ENGINE-");
        }
        assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isEqualTo(1);
        completeAsTasklist(triage.getId(), "sam", "{\"genuineIncident\":true}");
        runDueJobs();

        Task approve = task(businessKey, BreachProcess.TASK_APPROVE_ISO_NOTICE);
        HttpResponse<String> forged = browser.postJson("/engine-rest/task/" + approve.getId() + "/complete",
                "{\"variables\":{\"isoNoticeApprovedBy\":{\"value\":\"mallory\",\"type\":\"String\"}}}", "ada");
        assertThat(forged.statusCode()).isEqualTo(400); // admins too: only the declared outputs
        assertThat(forged.body()).contains("isoNoticeApprovedBy");
        assertThat(recordOf(incidentId)).isEqualTo(record);
        assertThat(runtimeService.getVariables(instance)).containsOnlyKeys(BreachProcess.GENUINE_INCIDENT);

        completeAsTasklist(approve.getId(), "sam", "{}");
        runDueJobs();
        assertThat(jdbc.queryForList("SELECT approved_by FROM incident_approval WHERE incident_id = ?", String.class, incidentId))
                .containsExactly("sam");
        assertThat(jdbc.queryForObject("""
                SELECT recorded_by FROM incident_deadline WHERE incident_id = ? AND kind = 'ISO_NOTICE' AND entry = 'DONE'""",
                String.class, incidentId)).isEqualTo("sam");
        assertThat(runtimeService.getVariables(instance)).containsOnlyKeys(BreachProcess.GENUINE_INCIDENT);
    }

    @Test
    void finding7_implausibleDiscoveryTimesAndOverlongFields_are400WithFieldMessages_andNothingIsStoredOrSent() {
        long org = organisation();
        long other = organisation();
        Instant now = Instant.now();
        long incidents = count("SELECT COUNT(*) FROM incident");
        long deadlines = count("SELECT COUNT(*) FROM incident_deadline");
        long outbox = count("SELECT COUNT(*) FROM outbox_message");
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY).count();

        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("year 1", body("0001-01-01T00:00:00Z", "[\"contact details\"]", org, "[" + org + "]"));
        cases.put("1970", body("1970-01-01T00:00:00Z", "[\"contact details\"]", org, "[]"));
        cases.put("31 days back", body(now.minus(Duration.ofDays(31)).toString(), "[\"contact details\"]", org, "[]"));
        cases.put("tomorrow", body(now.plus(Duration.ofDays(1)).toString(), "[\"contact details\"]", org, "[]"));
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            assertProblem(bad.getKey(), browser.postJson("/api/incidents", bad.getValue(), "sam"), "discoveredAt");
        }
        String recent = now.minus(Duration.ofHours(1)).toString();
        assertProblem("all members of an organisation not named", browser.postJson("/api/incidents",
                body(recent, "[\"contact details\"]", org, "[" + other + "]"), "sam"), "allMembersOfOrganisationIds");
        String longCategories = json(java.util.Collections.nCopies(12, "c".repeat(90)));
        HttpResponse<String> tooLong = browser.postJson("/api/incidents", body(recent, longCategories, org, "[]"), "sam");
        assertProblem("categories over 1000 characters (finding 10)", tooLong, "dataCategories");
        assertThat(tooLong.body()).contains("at most 1000 characters");
        assertProblem("one category over 100", browser.postJson("/api/incidents",
                body(recent, json(List.of("c".repeat(101))), org, "[]"), "sam"), "dataCategories[0]");
        assertProblem("a line break in a category", browser.postJson("/api/incidents",
                body(recent, "[\"contact\\ndetails\"]", org, "[]"), "sam"), "dataCategories[0]");
        assertProblem("a direction override in the summary", browser.postJson("/api/incidents", """
                {"discoveredAt":"%s","summary":"Laptop \\u202Enelots","dataCategories":["x"],"organisationIds":[%d]}"""
                .formatted(recent, org), "sam"), "summary");
        assertProblem("a summary over 20000 characters", browser.postJson("/api/incidents", """
                {"discoveredAt":"%s","summary":"%s","dataCategories":["x"],"organisationIds":[%d]}"""
                .formatted(recent, "s".repeat(20001), org), "sam"), "summary");
        for (String wrongType : List.of("1", "\"yesterday\"", "[2026]")) {
            HttpResponse<String> refused = browser.postJson("/api/incidents", """
                    {"discoveredAt":%s,"summary":"x","dataCategories":["x"],"organisationIds":[%d]}""".formatted(wrongType, org), "sam");
            assertThat(refused.statusCode()).as(wrongType).isEqualTo(400);
            assertThat(refused.body()).as(wrongType).doesNotContain("java.", "Exception", "Instant");
        }

        assertThat(count("SELECT COUNT(*) FROM incident")).isEqualTo(incidents);
        assertThat(count("SELECT COUNT(*) FROM incident_deadline")).isEqualTo(deadlines);
        assertThat(count("SELECT COUNT(*) FROM outbox_message")).isEqualTo(outbox);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY).count()).isEqualTo(instances);

        // 29 days back is plausible: reported, with its notice deadline already past.
        Instant late = now.minus(Duration.ofDays(29));
        HttpResponse<String> accepted = browser.postJson("/api/incidents", body(late.toString(), "[\"contact details\"]", org, "[" + org + "]"), "sam");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        runDueJobs(); // the minimal notice goes out at once (BRE-2)
        assertThat(jdbc.queryForObject("SELECT met FROM incident_deadline WHERE incident_id = ? AND kind = 'ISO_NOTICE' AND entry = 'DONE'",
                Boolean.class, idFrom(accepted.body()))).isFalse();
    }

    @Test
    void issue8_securityOfficersStartIncidentsFromTasklistsStartForm_neverThroughTheEnginesStartEndpoints() throws Exception {
        long org = organisation();
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY).count();
        String definitionId = repositoryDefinitionId();

        // Tasklist lists the process for security officers, with its start form, and not for others.
        String startable = "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true";
        assertThat(browser.getJson(startable, "sam").body()).contains("\"key\":\"" + BreachProcess.KEY + "\"");
        assertThat(browser.getJson(startable, "peter").body()).doesNotContain(BreachProcess.KEY);
        assertThat(browser.getJson("/engine-rest/process-definition/key/" + BreachProcess.KEY + "/startForm", "sam").body())
                .contains("embedded:/forms/report-incident.html");

        // The engine's own start endpoints are closed to staff on /engine-rest ...
        for (String path : List.of("/key/" + BreachProcess.KEY + "/start", "/key/" + BreachProcess.KEY + "/submit-form",
                "/" + definitionId + "/start", "/" + definitionId + "/submit-form",
                "/key/" + BreachProcess.KEY + "/tenant-id/x/start", "/key/" + BreachProcess.KEY + "/%73tart",
                "/key/" + BreachProcess.KEY + "/START", "/key/" + BreachProcess.KEY + "/start/",
                "/" + definitionId + "/restart")) {
            for (String user : List.of("sam", "peter")) {
                HttpResponse<String> refused = browser.postJson("/engine-rest/process-definition" + path,
                        "{\"businessKey\":\"incident-999999\",\"variables\":{}}", user);
                assertThat(refused.statusCode()).as(path + " as " + user).isEqualTo(403);
                assertThat(refused.body()).contains("POST /api/incidents").doesNotContain("ENGINE-");
            }
        }
        // ... the named engine's path too ...
        HttpResponse<String> named = browser.postJson("/engine-rest/engine/default/process-definition/key/" + BreachProcess.KEY
                + "/start", "{\"businessKey\":\"incident-999999\"}", "sam");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(403);
        // ... and on Tasklist's own API, with a signed-in session and Camunda's CSRF token.
        StaffSession sam = StaffSession.signIn(port, "sam");
        String xsrf = sam.camundaXsrfToken();
        HttpResponse<String> viaTasklist = sam.postJson("/camunda/api/engine/engine/default/process-definition/key/"
                + BreachProcess.KEY + "/submit-form", "{\"variables\":{}}", "X-XSRF-TOKEN", xsrf);
        assertThat(viaTasklist.statusCode()).isEqualTo(403);
        assertThat(viaTasklist.body()).contains("POST /api/incidents");
        // Administrators pass the guard (the engine answers: here, no such process).
        assertThat(browser.postJson("/engine-rest/process-definition/key/NoSuchProcess/start", "{}", "ada").statusCode())
                .isEqualTo(404);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY).count()).isEqualTo(instances);

        // The start form: its data and CSRF token for security officers only, then POST /api/incidents with the session.
        assertThat(browser.getJson("/api/staff/incidents/start-form", "peter").statusCode()).isEqualTo(403);
        HttpResponse<String> form = sam.get("/api/staff/incidents/start-form");
        assertThat(form.statusCode()).isEqualTo(200);
        JsonNode setup = json.readTree(form.body());
        assertThat(setup.get("maxDiscoveryAgeDays").asInt()).isEqualTo(30);
        assertThat(setup.get("organisations").findValuesAsText("name")).isNotEmpty();
        String header = setup.get("csrf").get("headerName").asText();
        String token = setup.get("csrf").get("token").asText();
        String report = IncidentJourneyScenario.incidentJson(Instant.now().minus(Duration.ofHours(3)), List.of(org), List.of(), List.of());
        assertThat(sam.postJson("/api/incidents", report, null, null).statusCode()).isEqualTo(403); // no CSRF token
        HttpResponse<String> invalid = sam.postJson("/api/incidents", report.replace("\"organisationIds\":[" + org + "]",
                "\"organisationIds\":[]"), header, token);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body()).get("errors").has("organisationIds")).isTrue();
        HttpResponse<String> reported = sam.postJson("/api/incidents", report, header, token);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        assertThat(reported.body()).contains("\"noticeDeadline\"", "\"supervisoryAuthorityDeadline\"");
        runDueJobs();
        assertThat(task(BreachProcess.businessKey(idFrom(reported.body())), BreachProcess.TASK_TRIAGE)).isNotNull();
    }

    // --- helpers ---

    private void assertProblem(String what, HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).contains("application/problem+json");
        JsonNode errors;
        try {
            errors = json.readTree(response.body()).get("errors");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(errors).as(what).isNotNull();
        assertThat(errors.has(field)).as(what + " names " + field + ": " + errors).isTrue();
        assertThat(response.body()).as(what).doesNotContain("java.", "Exception");
    }

    private static String body(String discoveredAt, String categories, long org, String allMembersOf) {
        return """
                {"discoveredAt":"%s","summary":"%s","dataCategories":%s,"organisationIds":[%d],"allMembersOfOrganisationIds":%s}"""
                .formatted(discoveredAt, IncidentJourneyScenario.SUMMARY, categories, org, allMembersOf);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long reportIncident(Instant discoveredAt) {
        long org = organisation();
        HttpResponse<String> reported = browser.postJson("/api/incidents",
                IncidentJourneyScenario.incidentJson(discoveredAt, List.of(org), List.of(), List.of()), "sam");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        runDueJobs();
        return idFrom(reported.body());
    }

    private long organisation() {
        HttpResponse<String> created = browser.postJson("/api/organisations", """
                {"name":"Org %s","website":""}""".formatted(UUID.randomUUID()), "ada");
        long id = idFrom(created.body());
        assertThat(browser.putJson("/api/organisations/" + id + "/security-contacts", """
                {"isoName":"Ines Officer","isoEmail":"%s"}""".formatted(uniqueEmail("iso")), "ada").statusCode()).isEqualTo(200);
        return id;
    }

    private List<Map<String, Object>> recordOf(long incidentId) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(
                jdbc.queryForList("SELECT * FROM incident_deadline WHERE incident_id = ? ORDER BY id", incidentId));
        rows.addAll(jdbc.queryForList("SELECT * FROM incident_approval WHERE incident_id = ? ORDER BY id", incidentId));
        return rows;
    }

    private String repositoryDefinitionId() {
        return jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = ? ORDER BY VERSION_ DESC LIMIT 1", String.class,
                BreachProcess.KEY);
    }

    private Task task(String businessKey, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        return task;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
