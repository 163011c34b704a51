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
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Please correct the fields marked below", "must not be blank", "must be a valid email address",
                "applicants must be at least 16 years old"); // issue 8 item 7: the business rule too, at once
        assertThat(counts()).isEqualTo(before);

        form = validForm();
        form.put("birthYear", String.valueOf(Year.now().getValue() - 10));
        assertThat(browser.postForm("/apply", form).body()).contains("applicants must be at least 16 years old");
        assertThat(counts()).isEqualTo(before);
    }

    /** Issue 8 item 7: every problem at once, beside its field or referee slot, one message each, values kept, kinds in words. */
    @Test
    void page_showsEveryProblemAtOnce_besideItsFieldAndRefereeSlot_keepingWhatWasTyped() {
        browser.get("/apply");
        Counts before = counts();
        String applicant = uniqueEmail("kofi");
        Map<String, String> form = validForm();
        form.put("email", applicant);
        form.put("kind", "");
        form.put("name", "");
        form.put("birthYear", "nineteen-eighty");
        form.put("yearsOfExperience", "-3");
        form.put("organisationId", "424242");
        form.put("referees[0].email", applicant.toUpperCase()); // their own address
        form.putAll(Map.of("referees[1].name", "Kwame Boateng", "referees[1].email", "", "referees[1].relationship", "Mentor of mine"));
        form.putAll(Map.of("referees[2].name", "", "referees[2].email", uniqueEmail("esi"), "referees[2].relationship", ""));
        HttpResponse<String> page = browser.postForm("/apply", form);

        assertThat(page.statusCode()).isEqualTo(400);
        String body = page.body();
        assertThat(errorNextTo(body, "kind")).isEqualTo("choose Mentor or Entrepreneur");
        assertThat(errorNextTo(body, "name")).isEqualTo("must not be blank");
        assertThat(errorNextTo(body, "birthYear")).isEqualTo("enter the year you were born, for example 1985");
        assertThat(errorNextTo(body, "yearsOfExperience")).isEqualTo("must be greater than or equal to 0");
        assertThat(errorNextTo(body, "organisationId")).isEqualTo("no member organisation with this id");
        assertThat(errorNextTo(body, "referees0.email")).isEqualTo("you cannot be your own referee");
        assertThat(errorNextTo(body, "referees1.email")).isEqualTo("must not be blank");
        assertThat(errorNextTo(body, "referees2.name")).isEqualTo("must not be blank");
        assertThat(errorNextTo(body, "referees2.relationship")).isEqualTo("must not be blank");
        assertThat(body.split("<span class=\"error\"", -1)).hasSize(9 + 1); // one message per problem, no more
        // What was typed stays in the form, the wrong values too.
        assertThat(body).contains("value=\"nineteen-eighty\"", "value=\"Kwame Boateng\"", "value=\"Mentor of mine\"",
                "value=\"Agriculture\"", "Cassava processing");
        // Kinds in words, never the enum's names.
        assertThat(body).contains(">Mentor<", ">Entrepreneur<").doesNotContain(">MENTOR<", ">ENTREPRENEUR<", "choose MENTOR");
        assertThat(body).doesNotContainPattern("java\\.|Failed to convert|typeMismatch|Exception");
        assertThat(counts()).isEqualTo(before);
    }

    /** Issue 7 finding 10: referee slots the form does not have are a message on the page, never a 500, and store nothing. */
    @Test
    void page_refereeSlotsTheFormDoesNotHave_are400WithAMessage() {
        browser.get("/apply");
        Counts before = counts();
        for (String index : List.of("256", "300", "99999999999", "-1", "abc", "3")) {
            Map<String, String> form = validForm();
            form.put("referees[" + index + "].name", "Somebody");
            form.put("referees[" + index + "].email", uniqueEmail("somebody"));
            HttpResponse<String> page = browser.postForm("/apply", form);
            assertThat(page.statusCode()).as(index).isEqualTo(400);
            assertThat(errorNextTo(page.body(), "referees")).as(index).isEqualTo("use the 3 referee slots on this form");
            assertThat(page.body()).as(index).contains("value=\"Kofi Mensah\"");
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void page_secondApplicationForTheSameAddress_isAConflictWithAMessage() {
        browser.get("/apply");
        Map<String, String> form = validForm();
        assertThat(browser.postForm("/apply", form).statusCode()).isEqualTo(302);
        browser.get("/apply");
        Counts before = counts();
        form.put("referees[0].email", uniqueEmail("other"));
        HttpResponse<String> again = browser.postForm("/apply", form);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already exists for this email address", "value=\"Kofi Mensah\"");
        assertThat(counts()).isEqualTo(before);
    }

    /** Issue 7 finding 6, issue 8 item 7: after submitting, the page tells the applicant to confirm their address. */
    @Test
    void page_validApplication_isStored_andTheApplicantIsAskedToConfirmTheirAddress() throws Exception {
        browser.get("/apply");
        Counts before = counts();
        Map<String, String> form = validForm();
        HttpResponse<String> response = browser.postForm("/apply", form);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/apply/thanks");
        assertThat(counts().applications()).isEqualTo(before.applications() + 1);
        assertThat(counts().references()).isEqualTo(before.references() + 1); // blank referee slots are ignored
        assertThat(browser.get("/apply/thanks").body()).contains("confirm your email address", "<span>7 days</span>",
                "Only then do we ask your referees");
        runDueJobs();
        List<jakarta.mail.internet.MimeMessage> toApplicant = deliverMailTo(form.get("email"));
        assertThat(toApplicant).hasSize(1);
        assertThat(toApplicant.get(0).getSubject()).isEqualTo("Please confirm your email address");
        assertThat(deliverMailTo(form.get("referees[0].email"))).isEmpty();
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
                count("data_subject"), count("member_profile"), count("audit_entry"),
                runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY).count());
    }

    /** The message in the error span that follows the field with this id (or the referee fieldset's legend), before the next field. */
    private static String errorNextTo(String html, String id) {
        int at = "referees".equals(id) ? html.indexOf("<legend>Referees</legend>") : html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("field %s on the page", id).isNotNegative();
        int error = html.indexOf("<span class=\"error\"", at);
        int nextField = html.indexOf(" id=\"", at + 4);
        assertThat(error).as("error message beside %s", id).isNotNegative();
        if (nextField >= 0) {
            assertThat(error).as("error message beside %s, before the next field", id).isLessThan(nextField);
        }
        int start = html.indexOf('>', error) + 1;
        return html.substring(start, html.indexOf("</span>", start)).trim();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    record Counts(long applications, long references, long mails, long links, long subjects, long profiles, long auditEntries,
                  long processes) {
    }

}
