package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.steward.support.IntegrationTest;

/**
 * Who reaches what (AUD-1; issue 7, finding 4 and the authorization test): every staff group and the
 * anonymous visitor against every Steward endpoint and the engine REST resources they could touch.
 * One row per endpoint; a module adds its endpoints by adding rows to {@link #rows()}.
 *
 * <p>Requests carry bodies that fail validation where the endpoint writes, so a row proves the request
 * passed (or failed) authorization without changing data: "INVALID" (400) means "allowed in".
 * Engine resources use one standalone task whose candidate group is security-officers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    enum Who {
        ANONYMOUS(null), PETER("peter"), PRIYA("priya"), SAM("sam"), AUDREY("audrey"), ADA("ada"),
        /** Operators (issue 14): a Prometheus scraper's account; metrics and health details, no staff work. */
        OTTO("otto");

        final String user;

        Who(String user) {
            this.user = user;
        }
    }

    /** What a person gets, as a status class. */
    enum Expect {
        OK(200, 299), INVALID(400, 400), UNAUTHENTICATED(401, 401), FORBIDDEN(403, 403), NOT_FOUND(404, 404),
        SIGN_IN(302, 302),
        /** Signed in, but the page is not theirs: sent to their own landing page (issue 8 item 6), never Camunda's 403. */
        OWN_LANDING(302, 302),
        /** Allowed, and the answer lists the matrix's security-officers task (a Tasklist filter run by its group). */
        LISTED(200, 200),
        /** Allowed, but the answer does not list that task: it is not theirs to see (need-to-know). */
        NOT_LISTED(200, 200),
        /** Refused by the engine's authorizations, which answer as if it did not exist. */
        HIDDEN(404, 404),
        /** Not yet enforced on this branch: owned by another finding, named in the row. Reported as skipped. */
        PENDING(0, 0);

        final int from;
        final int to;

        Expect(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    /** How the request is made: HTTP Basic (API clients), a signed-in browser session, or Tasklist's own API call. */
    enum Via { BASIC, SESSION, WEBAPP }

    record Row(String name, Via via, String method, String path, String contentType, String body,
               Map<Who, Expect> expected, String pendingReason) {
    }

    private static final String NO_SUCH_ID = "999999";

    @org.springframework.beans.factory.annotation.Autowired
    FilterService filterService;

    private final Map<Who, StaffClient> sessions = new EnumMap<>(Who.class);
    private final Map<String, String> placeholders = new HashMap<>();

    @BeforeAll
    void fixtures() {
        Task task = taskService.newTask();
        task.setName("Authorization matrix task");
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), StaffGroups.SECURITY_OFFICERS);
        placeholders.put("{taskId}", task.getId());
        placeholders.put("{groupTasksFilterId}", filterService.createFilterQuery().filterName(StaffDirectory.GROUP_TASKS_FILTER)
                .singleResult().getId());
        placeholders.put("{userId}", "matrix" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        String organisation = new StaffClient(port).send("POST", "/api/organisations", "application/json",
                "{\"name\":\"Matrix " + UUID.randomUUID() + "\"}", "Authorization", StaffClient.basic("ada", "demo")).body();
        placeholders.put("{organisationId}", String.valueOf(idFrom(organisation)));
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Row row : rows()) {
            row.expected().forEach((who, expect) -> cells.add(Arguments.of(row.name(), who, expect, row)));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cells")
    void everyoneGetsWhatTheirGroupAllows(String name, Who who, Expect expect, Row row) {
        if (expect == Expect.PENDING) {
            Assumptions.abort(row.pendingReason());
        }
        HttpResponse<String> response = call(row, who);
        assertThat(response.statusCode()).as("%s as %s: %s", name, who, response.body())
                .isBetween(expect.from, expect.to);
        if (expect == Expect.SIGN_IN) {
            assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
        }
        if (expect == Expect.LISTED) {
            assertThat(response.body()).as("%s as %s", name, who).contains(placeholders.get("{taskId}"));
        }
        if (expect == Expect.NOT_LISTED) {
            assertThat(response.body()).as("%s as %s", name, who).doesNotContain(placeholders.get("{taskId}"));
        }
        if (expect == Expect.OWN_LANDING) {
            assertThat(response.headers().firstValue("Location")).get().asString()
                    .matches(".*/(audit|staff|camunda/app/tasklist/default/?)$");
        }
    }

    // ---- the table ---------------------------------------------------------------------------------

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // Public intake (APP-1): everyone gets in; the empty body is refused on its merits.
        rows.add(row("apply over the API", Via.BASIC, "POST", "/api/applications", "{}").all(Expect.INVALID).build());
        rows.add(row("read an application for review", Via.BASIC, "GET", "/api/staff/applications/" + NO_SUCH_ID, null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PETER, Who.ADA).build());
        // Data-subject requests (DSR-2, AUD-1): anyone asks; privacy officers and auditors read, without the address.
        rows.add(row("ask about one's data over the API", Via.BASIC, "POST", "/api/privacy-requests", "{}").all(Expect.INVALID).build());
        rows.add(row("file a data-subject request on someone's behalf", Via.BASIC, "POST", "/api/privacy-requests/on-behalf", "{}")
                .staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.PRIYA, Who.ADA).build());
        rows.add(row("lift a do-not-process flag (DSR-8)", Via.BASIC, "POST", "/api/privacy-requests/" + NO_SUCH_ID + "/lift-restriction", "")
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PRIYA, Who.ADA).build());
        rows.add(row("extend a data-subject request's deadline (DSR-3)", Via.BASIC, "POST",
                "/api/privacy-requests/" + NO_SUCH_ID + "/extension", "{}")
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PRIYA, Who.ADA).build());
        rows.add(row("list data-subject requests", Via.BASIC, "GET", "/api/privacy-requests?status=IN_REVIEW", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.PRIYA, Who.AUDREY, Who.ADA).build());
        rows.add(row("read a data-subject request", Via.BASIC, "GET", "/api/privacy-requests/" + NO_SUCH_ID, null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PRIYA, Who.AUDREY, Who.ADA).build());
        rows.add(row("the privacy request page", Via.SESSION, "GET", "/privacy", null).all(Expect.OK).build());
        // Legal holds (DSR-4) and the processors register (DSR-7): privacy officers place, release and edit; auditors read.
        rows.add(row("place a legal hold", Via.BASIC, "POST", "/api/legal-holds", "{}")
                .staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.PRIYA, Who.ADA).build());
        rows.add(row("release a legal hold", Via.BASIC, "POST", "/api/legal-holds/" + NO_SUCH_ID + "/release", "")
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PRIYA, Who.ADA).build());
        rows.add(row("list legal holds", Via.BASIC, "GET", "/api/legal-holds?active=true", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.PRIYA, Who.AUDREY, Who.ADA).build());
        rows.add(row("read a legal hold", Via.BASIC, "GET", "/api/legal-holds/" + NO_SUCH_ID, null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PRIYA, Who.AUDREY, Who.ADA).build());
        rows.add(row("add a processor", Via.BASIC, "POST", "/api/processors", "{}")
                .staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.PRIYA, Who.ADA).build());
        rows.add(row("change a processor", Via.BASIC, "PUT", "/api/processors/" + NO_SUCH_ID, "{}")
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PRIYA, Who.ADA).build());
        rows.add(row("list processors", Via.BASIC, "GET", "/api/processors", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.PRIYA, Who.AUDREY, Who.ADA).build());
        rows.add(row("read a processor", Via.BASIC, "GET", "/api/processors/" + NO_SUCH_ID, null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PRIYA, Who.AUDREY, Who.ADA).build());
        rows.add(row("an erasure's processor instructions", Via.BASIC, "GET", "/api/erasures/" + NO_SUCH_ID + "/instructions", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.PRIYA, Who.AUDREY, Who.ADA).build());
        rows.add(row("a processor's confirmation link", Via.SESSION, "GET", "/links/processor-instruction/unknown", null)
                .all(Expect.NOT_FOUND).build());
        rows.add(row("report an incident", Via.BASIC, "POST", "/api/incidents", "{}")
                .staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.SAM, Who.ADA).build());
        rows.add(row("read an incident", Via.BASIC, "GET", "/api/staff/incidents/" + NO_SUCH_ID, null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.SAM, Who.ADA).build());
        rows.add(row("incident start form (Tasklist, BRE-1)", Via.BASIC, "GET", "/api/staff/incidents/start-form", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.SAM, Who.ADA).build());
        rows.add(row("incident deadlines and approvals (BRE-6)", Via.BASIC, "GET", "/api/staff/incidents/" + NO_SUCH_ID + "/deadlines", null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.SAM, Who.PRIYA, Who.AUDREY, Who.ADA).build());
        rows.add(row("list organisations", Via.BASIC, "GET", "/api/organisations", null).staff(Expect.OK)
                .allow(Expect.FORBIDDEN, Who.OTTO).build());
        rows.add(row("read an organisation", Via.BASIC, "GET", "/api/organisations/{organisationId}", null).staff(Expect.OK)
                .allow(Expect.FORBIDDEN, Who.OTTO).build());
        rows.add(row("add an organisation", Via.BASIC, "POST", "/api/organisations", "{\"name\":\"\"}")
                .staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.PETER, Who.ADA).build());
        rows.add(row("edit an organisation", Via.BASIC, "PUT", "/api/organisations/{organisationId}", "{\"name\":\"\"}")
                .staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.PETER, Who.ADA).build());
        rows.add(row("set security contacts (BRE-2)", Via.BASIC, "PUT", "/api/organisations/{organisationId}/security-contacts",
                "{\"isoName\":\"\"}").staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.ADA).build());

        rows.add(row("set the member administrator (DSR-5)", Via.BASIC, "PUT", "/api/organisations/{organisationId}/administrator",
                "{}").staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.ADA).build());
        // Matching (issue 12, MAT-1, MAT-2, MAT-6): program staff request, read candidates and close; auditors also read a match.
        rows.add(row("request a mentor for an entrepreneur", Via.BASIC, "POST", "/api/match-requests", "{}")
                .staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.PETER, Who.ADA).build());
        rows.add(row("a match request's ranked candidates", Via.BASIC, "GET", "/api/match-requests/" + NO_SUCH_ID + "/candidates", null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PETER, Who.ADA).build());
        rows.add(row("read a match", Via.BASIC, "GET", "/api/matches/" + NO_SUCH_ID, null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PETER, Who.AUDREY, Who.ADA).build());
        rows.add(row("close a match as staff", Via.BASIC, "POST", "/api/matches/" + NO_SUCH_ID + "/close", "")
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.PETER, Who.ADA).build());
        for (String page : List.of("match-profile", "match-request", "match-answer", "match-check-in", "match-close",
                "match-feedback", "match-partner")) {
            rows.add(row("a member's " + page + " link", Via.SESSION, "GET", "/links/" + page + "/unknown", null)
                    .all(Expect.NOT_FOUND).build());
        }
        // Staff pages.
        rows.add(row("organisations page", Via.SESSION, "GET", "/staff/organisations", null).staff(Expect.OK)
                .allow(Expect.FORBIDDEN, Who.OTTO).anonymous(Expect.SIGN_IN).build());
        rows.add(row("new organisation page", Via.SESSION, "GET", "/staff/organisations/new", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.PETER, Who.ADA).anonymous(Expect.SIGN_IN).build());
        rows.add(row("edit organisation page", Via.SESSION, "GET", "/staff/organisations/{organisationId}", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.PETER, Who.ADA).anonymous(Expect.SIGN_IN).build());
        rows.add(row("security contacts page", Via.SESSION, "GET", "/staff/organisations/{organisationId}/security-contacts", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.ADA).anonymous(Expect.SIGN_IN).build());

        // The auditors' view (AUD-1, AUD-2, AUD-4, issue 13): auditors and administrators only.
        for (String[] page : new String[][]{{"auditors' case list", "/audit"},
                {"case list filtered", "/audit?process=BreachNotificationProcess&state=running&from=2026-01-01&missed=true"},
                {"case timeline", "/audit/cases/BreachNotificationProcess/incident-" + NO_SUCH_ID},
                {"breach report", "/audit/reports/breach"}, {"breach report CSV", "/audit/reports/breach?format=csv"},
                {"breach report CSV file", "/audit/reports/breach/report.csv"},
                {"application funnel", "/audit/reports/applications"},
                {"application funnel CSV", "/audit/reports/applications?format=csv"},
                {"application funnel CSV file", "/audit/reports/applications/report.csv"},
                {"case diagram (bpmn-js)", "/audit/cases/BreachNotificationProcess/incident-" + NO_SUCH_ID + "/diagram.bpmn"},
                {"request deadline report", "/audit/reports/requests"},
                {"request deadline report CSV", "/audit/reports/requests?format=csv"},
                {"request deadline report CSV file", "/audit/reports/requests/report.csv"},
                {"consent by purpose report", "/audit/reports/consents"},
                {"consent by purpose report CSV", "/audit/reports/consents?format=csv"},
                {"consent by purpose report CSV file", "/audit/reports/consents/report.csv"}}) {
            Expect allowed = page[1].contains("incident-" + NO_SUCH_ID) ? Expect.NOT_FOUND : Expect.OK;
            rows.add(row(page[0], Via.SESSION, "GET", page[1], null).staff(Expect.FORBIDDEN)
                    .allow(allowed, Who.AUDREY, Who.ADA).anonymous(Expect.SIGN_IN).build());
        }
        // A script fetching the CSV with HTTP Basic; without credentials it is a page like the others, so sign-in.
        rows.add(row("breach report CSV over Basic", Via.BASIC, "GET", "/audit/reports/breach?format=csv", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.AUDREY, Who.ADA).anonymous(Expect.SIGN_IN).build());
        rows.add(row("verify the audit trail (AUD-3)", Via.BASIC, "GET", "/api/audit/verify", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.AUDREY, Who.ADA).build());

        // Camunda's webapps, by application grant: Tasklist for the working groups, Cockpit for auditors.
        rows.add(row("Tasklist", Via.SESSION, "GET", "/camunda/app/tasklist/default/", null).staff(Expect.OK)
                .allow(Expect.OWN_LANDING, Who.AUDREY, Who.OTTO).anonymous(Expect.SIGN_IN).build());
        rows.add(row("Cockpit", Via.SESSION, "GET", "/camunda/app/cockpit/default/", null).staff(Expect.OWN_LANDING)
                .allow(Expect.OK, Who.AUDREY, Who.ADA).anonymous(Expect.SIGN_IN).build());
        rows.add(row("Admin", Via.SESSION, "GET", "/camunda/app/admin/default/", null).staff(Expect.OWN_LANDING)
                .allow(Expect.OK, Who.ADA).anonymous(Expect.SIGN_IN).build());

        // Engine REST: nobody deploys (finding 4); the engine's own authorizations do the rest (operators hold none:
        // their reads below answer 200 with what they may see, nothing).
        String deployment = "multipart/form-data; boundary=x";
        rows.add(new RowBuilder("deploy over /engine-rest", Via.BASIC, "POST", "/engine-rest/deployment/create", deployment,
                "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nm\r\n--x--\r\n")
                .all(Expect.FORBIDDEN).anonymous(Expect.UNAUTHENTICATED).build());
        rows.add(new RowBuilder("deploy over Tasklist's engine API", Via.WEBAPP, "POST",
                "/camunda/api/engine/engine/default/deployment/create", deployment,
                "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nm\r\n--x--\r\n")
                .all(Expect.FORBIDDEN).anonymous(Expect.UNAUTHENTICATED).build());
        rows.add(row("create a Tasklist filter", Via.BASIC, "POST", "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"\",\"query\":{}}")
                .staff(Expect.FORBIDDEN).allow(Expect.INVALID, Who.ADA).build());
        rows.add(row("rewrite a task variable (PUT)", Via.BASIC, "PUT", "/engine-rest/task/{taskId}/variables/matrix",
                "{\"value\":1,\"type\":\"Integer\"}")
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.ADA)/* finding 2 */.build());
        rows.add(row("rewrite task variables (POST)", Via.BASIC, "POST", "/engine-rest/task/{taskId}/variables",
                "{\"modifications\":{\"matrix\":{\"value\":2,\"type\":\"Integer\"}}}")
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.ADA)/* finding 2 */.build());
        rows.add(row("add a candidate group", Via.BASIC, "POST", "/engine-rest/task/{taskId}/identity-links",
                "{\"groupId\":\"admins\",\"type\":\"candidate\"}")
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.ADA)/* finding 3 */.build());
        rows.add(row("set a task's assignee", Via.BASIC, "POST", "/engine-rest/task/{taskId}/assignee", "{\"userId\":null}")
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.ADA)/* finding 3 */.build());
        // Processes start through Steward (issue 8 item 5): the engine's start endpoints refuse staff; administrators
        // pass to the engine, which refuses the unknown definition.
        rows.add(row("start a process over /engine-rest", Via.BASIC, "POST", "/engine-rest/process-definition/key/NoSuchProcess/start",
                "{}").staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.ADA).build());
        rows.add(new RowBuilder("start a process over Tasklist's engine API", Via.WEBAPP, "POST",
                "/camunda/api/engine/engine/default/process-definition/key/NoSuchProcess/submit-form", "application/json", "{}")
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.ADA).anonymous(Expect.UNAUTHENTICATED).build());
        // Tasklist filters: every staff group reads the shared filters, and each sees its own groups' tasks only.
        rows.add(row("list Tasklist filters", Via.BASIC, "GET", "/engine-rest/filter?resourceType=Task", null).staff(Expect.OK).build());
        rows.add(row("Tasklist filter \"My group's tasks\"", Via.BASIC, "GET", "/engine-rest/filter/{groupTasksFilterId}/list", null)
                .staff(Expect.NOT_LISTED).allow(Expect.LISTED, Who.SAM, Who.ADA)
                .allow(Expect.FORBIDDEN, Who.OTTO).build()); // operators read metrics only: no Tasklist filter
        rows.add(row("a security officers' task", Via.BASIC, "GET", "/engine-rest/task/{taskId}", null)
                .staff(Expect.HIDDEN).allow(Expect.OK, Who.SAM, Who.ADA).build());
        rows.add(row("read process history", Via.BASIC, "GET", "/engine-rest/history/process-instance", null).staff(Expect.OK).build());
        rows.add(row("list users", Via.BASIC, "GET", "/engine-rest/user", null).staff(Expect.OK).build());
        rows.add(row("list groups", Via.BASIC, "GET", "/engine-rest/group", null).staff(Expect.OK).build());
        rows.add(row("create a user", Via.BASIC, "POST", "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"{userId}\",\"firstName\":\"Matrix\",\"lastName\":\"User\"},"
                        + "\"credentials\":{\"password\":\"a long matrix password\"}}")
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.ADA).build());

        // Operations (issue 14): metrics for operators and administrators; health public, its details theirs too.
        rows.add(row("Prometheus metrics", Via.BASIC, "GET", "/actuator/prometheus", null)
                .staff(Expect.FORBIDDEN).allow(Expect.OK, Who.OTTO, Who.ADA).build());
        rows.add(row("other actuator endpoints", Via.BASIC, "GET", "/actuator/metrics", null)
                .staff(Expect.FORBIDDEN).allow(Expect.NOT_FOUND, Who.ADA).build());
        rows.add(row("liveness", Via.BASIC, "GET", "/actuator/health/liveness", null).all(Expect.OK).build());
        rows.add(row("readiness", Via.BASIC, "GET", "/actuator/health/readiness", null).all(Expect.OK).build());
        return rows;
    }

    // ---- making the calls ----------------------------------------------------------------------------

    private HttpResponse<String> call(Row row, Who who) {
        String path = withFixtures(row.path());
        String body = withFixtures(row.body());
        String contentType = body == null ? null : row.contentType();
        return switch (row.via()) {
            case BASIC -> who == Who.ANONYMOUS
                    ? new StaffClient(port).send(row.method(), path, contentType, body)
                    : new StaffClient(port).send(row.method(), path, contentType, body,
                            "Authorization", StaffClient.basic(who.user, StaffClient.DEMO_PASSWORD));
            case SESSION -> session(who).send(row.method(), path, contentType, body);
            case WEBAPP -> who == Who.ANONYMOUS
                    ? new StaffClient(port).send(row.method(), path, contentType, body, "X-XSRF-TOKEN", "none")
                    : session(who).webappApi(row.method(), path, contentType, body);
        };
    }

    private String withFixtures(String text) {
        if (text == null) {
            return null;
        }
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            text = text.replace(placeholder.getKey(), placeholder.getValue());
        }
        return text;
    }

    private StaffClient session(Who who) {
        return sessions.computeIfAbsent(who, w -> w == Who.ANONYMOUS ? new StaffClient(port) : new StaffClient(port).signIn(w.user));
    }

    private static RowBuilder row(String name, Via via, String method, String path, String body) {
        return new RowBuilder(name, via, method, path, "application/json", body);
    }

    /** Staff default, then exceptions; the anonymous visitor gets 401 on APIs unless told otherwise. */
    static final class RowBuilder {
        private final String name;
        private final Via via;
        private final String method;
        private final String path;
        private final String contentType;
        private final String body;
        private final Map<Who, Expect> expected = new EnumMap<>(Who.class);
        private String pendingReason;

        RowBuilder(String name, Via via, String method, String path, String contentType, String body) {
            this.name = name;
            this.via = via;
            this.method = method;
            this.path = path;
            this.contentType = contentType;
            this.body = body;
            expected.put(Who.ANONYMOUS, Expect.UNAUTHENTICATED);
        }

        RowBuilder all(Expect expect) {
            for (Who who : Who.values()) {
                expected.put(who, expect);
            }
            return this;
        }

        RowBuilder staff(Expect expect) {
            for (Who who : Who.values()) {
                if (who != Who.ANONYMOUS) {
                    expected.put(who, expect);
                }
            }
            return this;
        }

        RowBuilder allow(Expect expect, Who... whos) {
            for (Who who : whos) {
                expected.put(who, expect);
            }
            return this;
        }

        RowBuilder anonymous(Expect expect) {
            expected.put(Who.ANONYMOUS, expect);
            return this;
        }

        RowBuilder pending(Who who, String reason) {
            expected.put(who, Expect.PENDING);
            pendingReason = reason;
            return this;
        }

        Row build() {
            return new Row(name, via, method, path, contentType, body, Map.copyOf(expected), pendingReason);
        }
    }
}
