package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.security.StatusCodesTest.assertProblem;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/**
 * Issue 7, finding 10 (the organisation pages and JSON typing): unknown or malformed ids show the 404
 * page instead of a 500; JSON of the wrong type, malformed JSON, a wrong content type and invisible
 * or direction-changing characters get a 4xx problem naming the field, never a Java type name, and
 * store nothing.
 */
class BadInputTest extends IntegrationTest {

    private static final String JAVA_TYPE_NAMES = "java\\.|org\\.steward|jackson|MemberKind|\\bLong\\b|\\bInteger\\b|\\bint\\b|\\bString\\b|ArrayList";

    @Test
    void unknownOrMalformedOrganisationIds_showThe404Page() {
        StaffClient ada = new StaffClient(port).signIn("ada");
        for (String path : List.of("/staff/organisations/-1", "/staff/organisations/999999", "/staff/organisations/abc",
                "/staff/organisations/99999999999999999999", "/staff/organisations/1.5",
                "/staff/organisations/-1/security-contacts", "/staff/organisations/abc/security-contacts")) {
            HttpResponse<String> page = ada.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Page not found");
        }
        ada.get("/staff/organisations/new");
        HttpResponse<String> post = ada.postForm("/staff/organisations/-1", Map.of("name", "Ghost", "website", ""));
        assertThat(post.statusCode()).isEqualTo(404);
        ada.get("/staff/organisations/new");
        HttpResponse<String> contacts = ada.postForm("/staff/organisations/-1/security-contacts",
                Map.of("isoName", "Iso", "isoEmail", "iso@example.org", "alternateName", "", "alternateEmail", ""));
        assertThat(contacts.statusCode()).isEqualTo(404);
    }

    @Test
    void wrongJsonTypes_areRefusedWithTheFieldNamed() {
        int organisations = count("member_organisation");
        int applications = count("application");
        expectFieldError("/api/organisations", "POST", "{\"name\":1}", "name");
        expectFieldError("/api/organisations", "POST", "{\"name\":[\"a\",\"b\"]}", "name");
        expectFieldError("/api/organisations", "POST", "{\"name\":{\"first\":\"a\"}}", "name");
        expectFieldError("/api/organisations", "POST", "{\"name\":\"Acme\",\"website\":true}", "website");
        expectFieldError("/api/applications", "POST", application("\"kind\":1"), "kind");
        expectFieldError("/api/applications", "POST", application("\"kind\":\"WIZARD\""), "kind");
        expectFieldError("/api/applications", "POST", application("\"birthYear\":1985.5"), "birthYear");
        expectFieldError("/api/applications", "POST", application("\"birthYear\":\"1985\""), "birthYear");
        expectFieldError("/api/applications", "POST", application("\"name\":[1,2]"), "name");
        expectFieldError("/api/applications", "POST", application("\"referees\":[{\"name\":7,\"email\":\"r@example.org\"}]"),
                "referees[0].name");
        expectFieldError("/api/incidents", "POST", "{\"organisationIds\":[\"one\"]}", "organisationIds[0]");
        assertThat(count("member_organisation")).isEqualTo(organisations);
        assertThat(count("application")).isEqualTo(applications);
    }

    @Test
    void malformedJson_wrongContentType_andMalformedIds_getProblems() {
        HttpResponse<String> malformed = api("POST", "/api/organisations", "application/json", "{\"name\":");
        assertProblem(malformed, 400);
        assertThat(malformed.body()).contains("not valid JSON").doesNotContainPattern(JAVA_TYPE_NAMES);
        HttpResponse<String> empty = api("POST", "/api/organisations", "application/json", "");
        assertProblem(empty, 400);
        HttpResponse<String> text = api("POST", "/api/organisations", "text/plain", "name=Acme");
        assertProblem(text, 415);
        assertThat(text.body()).contains("application/json").doesNotContainPattern(JAVA_TYPE_NAMES);
        HttpResponse<String> id = api("GET", "/api/organisations/abc", null, null);
        assertProblem(id, 400);
        assertThat(id.body()).contains("\"id\"").doesNotContainPattern(JAVA_TYPE_NAMES);
        HttpResponse<String> unknown = api("GET", "/api/organisations/999999", null, null);
        assertProblem(unknown, 404);
        HttpResponse<String> method = api("DELETE", "/api/organisations/1", null, null);
        assertProblem(method, 405);
    }

    @Test
    void invisibleOrDirectionChangingCharacters_areRefusedInOrganisationNamesAndContacts() {
        int organisations = count("member_organisation");
        expectFieldError("/api/organisations", "POST", "{\"name\":\"Acme\\u202Egnp.exe\"}", "name");
        expectFieldError("/api/organisations", "POST", "{\"name\":\"Acme\\nLtd\"}", "name");
        expectFieldError("/api/organisations", "POST", "{\"name\":\"Ac\\u200Bme\"}", "name");
        assertThat(count("member_organisation")).isEqualTo(organisations);

        HttpResponse<String> created = api("POST", "/api/organisations", "application/json",
                "{\"name\":\"Contacts " + System.nanoTime() + "\"}");
        long id = idFrom(created.body());
        expectFieldError("/api/organisations/" + id + "/security-contacts", "PUT",
                "{\"isoName\":\"Iso\\u0007\",\"isoEmail\":\"iso@example.org\"}", "isoName");
        expectFieldError("/api/organisations/" + id + "/security-contacts", "PUT",
                "{\"isoName\":\"Iso\",\"isoEmail\":\"iso@example.org\",\"alternateName\":\"Al\\u2066t\",\"alternateEmail\":\"a@example.org\"}",
                "alternateName");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_organisation WHERE id = ? AND iso_name IS NULL",
                Integer.class, id)).isEqualTo(1);

        StaffClient ada = new StaffClient(port).signIn("ada");
        ada.get("/staff/organisations/new");
        HttpResponse<String> page = ada.postForm("/staff/organisations", Map.of("name", "Page\u202EOrg", "website", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("must be one line of plain text");
    }

    private void expectFieldError(String path, String method, String json, String field) {
        HttpResponse<String> response = api(method, path, "application/json", json);
        assertProblem(response, 400);
        assertThat(response.body()).as(json).contains("\"errors\"").contains("\"" + field + "\"")
                .doesNotContainPattern(JAVA_TYPE_NAMES);
    }

    private HttpResponse<String> api(String method, String path, String contentType, String body) {
        String user = path.startsWith("/api/incidents") ? "sam" : "ada";
        return new StaffClient(port).send(method, path, contentType, body, "Authorization", StaffClient.basic(user, "demo"));
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static String application(String override) {
        String base = applicationJson(uniqueEmail("typing"), uniqueEmail("referee"));
        String key = override.substring(0, override.indexOf(':') + 1);
        return base.replaceFirst(java.util.regex.Pattern.quote(key) + "\\s*(\"[^\"]*\"|\\d+|\\[[^\\]]*\\])", 
                java.util.regex.Matcher.quoteReplacement(override));
    }
}
