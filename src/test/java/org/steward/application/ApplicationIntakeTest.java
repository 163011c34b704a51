package org.steward.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/** Bad input gets a clear error and stores nothing (APP-1, APP-2, APP-3, APP-7), through the API and the page. */
class ApplicationIntakeTest extends IntegrationTest {

    @Test
    void api_refusesInvalidApplications_fieldByField_andStoresNothing() {
        String ok = applicationJson(uniqueEmail("x"), uniqueEmail("r"));
        Map<String, String> cases = Map.of(
                "name", ok.replace("\"name\":\"Ana Lima\"", "\"name\":\"\""),
                "email", ok.replaceFirst("\"email\":\"[^\"]+\"", "\"email\":\"not-an-email\""),
                "kind", ok.replace("\"kind\":\"MENTOR\",", ""),
                "languages", ok.replace("[\"English\",\"Portuguese\"]", "[]"),
                "referees", applicationJson(uniqueEmail("x"), uniqueEmail("r1"), uniqueEmail("r2"), uniqueEmail("r3"), uniqueEmail("r4")),
                "birthYear", ok.replace("\"birthYear\":1985", "\"birthYear\":" + (Year.now().getValue() - 12)),
                "expertise", ok.replace("Scaling engineering teams", "x".repeat(1001)),
                "organisationId", ok.replace("\"birthYear\"", "\"organisationId\":424242,\"birthYear\""));
        Counts before = counts();
        cases.forEach((field, json) -> {
            HttpResponse<String> response = browser.postJson("/api/applications", json, null);
            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
            assertThat(response.body()).as(field).contains("\"errors\"", "\"" + field + "\"");
        });
        assertThat(browser.postJson("/api/applications", "{not json", null).statusCode()).isEqualTo(400);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void api_underAgeApplicant_isRefusedBeforeAnyRefereeIsContacted() {
        String referee = uniqueEmail("referee");
        String json = applicationJson(uniqueEmail("young"), referee)
                .replace("\"birthYear\":1985", "\"birthYear\":" + (Year.now().getValue() - 15));
        Counts before = counts();
        HttpResponse<String> response = browser.postJson("/api/applications", json, null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("applicants must be at least 16 years old");
        assertThat(counts()).isEqualTo(before);
        assertThat(deliverMailTo(referee)).isEmpty();
    }

    @Test
    void api_secondApplicationForAPendingOrActiveEmail_isRefusedWithConflict() {
        String email = uniqueEmail("twice");
        assertThat(browser.postJson("/api/applications", applicationJson(email, uniqueEmail("r")), null).statusCode()).isEqualTo(201);
        Counts before = counts();
        HttpResponse<String> again = browser.postJson("/api/applications",
                applicationJson(email.toUpperCase(), uniqueEmail("r")), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already exists for this email address");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void page_showsAMessageBesideEachBadField_andStoresNothing() {
        assertThat(browser.get("/apply").statusCode()).isEqualTo(200);
        Counts before = counts();
        Map<String, String> form = validForm();
        form.put("name", "");
        form.put("email", "nope");
        form.put("referees[0].email", "also-nope");
        form.put("birthYear", String.valueOf(Year.now().getValue() - 10));
        HttpResponse<String> page = browser.postForm("/apply", form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Please correct the fields marked below", "must not be blank", "must be a valid email address");
        assertThat(counts()).isEqualTo(before);

        form = validForm();
        form.put("birthYear", String.valueOf(Year.now().getValue() - 10));
        assertThat(browser.postForm("/apply", form).body()).contains("applicants must be at least 16 years old");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void page_validApplication_isStoredAndThanked() {
        browser.get("/apply");
        Counts before = counts();
        HttpResponse<String> response = browser.postForm("/apply", validForm());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/apply/thanks");
        assertThat(counts().applications()).isEqualTo(before.applications() + 1);
        assertThat(counts().references()).isEqualTo(before.references() + 1); // blank referee slots are ignored
    }

    @Test
    void page_withoutCsrfToken_isForbidden() {
        HttpResponse<String> response = new org.steward.support.Browser(port).postForm("/apply", validForm());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private Map<String, String> validForm() {
        Map<String, String> form = new HashMap<>(Map.of(
                "kind", "ENTREPRENEUR", "name", "Kofi Mensah", "email", uniqueEmail("kofi"), "postalCode", "00233",
                "industry", "Agriculture", "expertise", "Cassava processing", "languages", "English, Twi",
                "referees[0].name", "Ama Owusu", "referees[0].email", uniqueEmail("ama"), "referees[0].relationship", "Business partner"));
        form.put("referees[1].name", "");
        form.put("referees[1].email", "");
        return form;
    }

    private Counts counts() {
        return new Counts(count("application"), count("reference_check"), count("outbox_message"), count("member_link"),
                runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY).count());
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    record Counts(long applications, long references, long mails, long links, long processes) {
    }

}
