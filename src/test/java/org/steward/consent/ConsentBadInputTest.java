package org.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;

/**
 * Issue 11, bad input: unknown purposes, a policy date 10 business days ahead, malformed or mistyped JSON,
 * tampered and reused links, a one-click POST without its body. Each gets a clear 4xx (problem details for
 * the API, a page for links), never a 5xx or a Java type name, and nothing is stored.
 */
class ConsentBadInputTest extends ConsentIntegrationTest {

    private static final List<String> TABLES = List.of("consent_entry", "consent_purpose", "policy_version", "newsletter",
            "newsletter_recipient", "promotion_release", "friend_invitation", "consent_expiry_day", "outbox_message", "audit_entry");

    @Autowired
    private DataSubjects subjects;
    @Autowired
    private Members members;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void badApiInput_isA4xxWithAReadableMessage_andStoresNothing() {
        long m = transaction.execute(s -> members.admit(subjects.findOrCreate(uniqueEmail("bad"), "Bad Input"), null));
        String tooSoon = PolicyChanges.earliestEffectiveDate(LocalDate.now(ZoneOffset.UTC), 10).toString();
        String fine = PolicyChanges.earliestEffectiveDate(LocalDate.now(ZoneOffset.UTC), 40).toString();
        Map<String, Integer> before = counts();

        Map<String, Object[]> cases = new LinkedHashMap<>();
        String consents = "/api/members/" + m + "/consents";
        cases.put("unknown purpose", new Object[] {consents, "{\"purpose\":\"FOO\",\"granted\":true}", 400, "is not a purpose; choose one of"});
        cases.put("lower-case purpose", new Object[] {consents, "{\"purpose\":\"marketing\",\"granted\":true}", 400, "is not a purpose"});
        cases.put("no granted", new Object[] {consents, "{\"purpose\":\"MARKETING\"}", 400, "granted"});
        cases.put("granted as text", new Object[] {consents, "{\"purpose\":\"MARKETING\",\"granted\":\"yes\"}", 400, ""});
        cases.put("purpose on two lines", new Object[] {consents, "{\"purpose\":\"MARKE\\nTING\",\"granted\":true}", 400, "one line"});
        cases.put("not JSON", new Object[] {consents, "{purpose:", 400, ""});
        cases.put("unknown member", new Object[] {"/api/members/99999999/consents", "{\"purpose\":\"MARKETING\",\"granted\":true}", 404, "no member"});
        cases.put("member id not a number", new Object[] {"/api/members/abc/consents", "{\"purpose\":\"MARKETING\",\"granted\":true}", 400, ""});
        cases.put("newsletter without subject", new Object[] {"/api/newsletters", "{\"subject\":\" \",\"text\":\"Hello\"}", 400, "subject"});
        cases.put("newsletter subject on two lines", new Object[] {"/api/newsletters", "{\"subject\":\"a\\nb\",\"text\":\"Hello\"}", 400, "one line"});
        cases.put("newsletter without text", new Object[] {"/api/newsletters", "{\"subject\":\"Hello\"}", 400, "text"});
        cases.put("newsletter text with bidi override", new Object[] {"/api/newsletters", "{\"subject\":\"Hi\",\"text\":\"a\\u202Eb\"}", 400, "plain text"});
        cases.put("policy 10 business days ahead", new Object[] {"/api/policies", policy("v-soon", tooSoon, "[]"), 400, "at least 30 business days"});
        cases.put("policy date not a date", new Object[] {"/api/policies", policy("v-date", "next month", "[]"), 400, ""});
        cases.put("policy purpose malformed", new Object[] {"/api/policies", policy("v-case", fine, "[\"research\"]"), 400, "capital letters"});
        cases.put("policy purpose exists", new Object[] {"/api/policies", policy("v-dup", fine, "[\"MARKETING\"]"), 400, "already a purpose"});
        cases.put("policy version taken", new Object[] {"/api/policies", policy("1", fine, "[]"), 400, "already published"});
        cases.put("policy without summary", new Object[] {"/api/policies", "{\"version\":\"v-x\",\"effectiveDate\":\"" + fine + "\"}", 400, "summary"});
        cases.put("release without consent", new Object[] {"/api/releases", "{\"memberId\":" + m + ",\"story\":\"S\"}", 400, "PROMOTION"});
        cases.put("release without story", new Object[] {"/api/releases", "{\"memberId\":" + m + "}", 400, "story"});

        cases.forEach((name, c) -> {
            String user = ((String) c[0]).startsWith("/api/policies") ? "priya" : "peter";
            HttpResponse<String> response = browser.postJson((String) c[0], (String) c[1], user);
            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(c[2]);
            assertThat(response.body()).as(name).contains((String) c[3]).doesNotContain("Exception", "org.steward", "java.");
        });
        assertThat(browser.getJson("/api/members/99999999/consents", "peter").statusCode()).isEqualTo(404);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void tamperedOrUnknownLinks_showTheLinkPage_andChangeNothing() {
        Map<String, Integer> before = counts();
        String forged = "A".repeat(43);
        for (String page : List.of("preferences", "renew", "unsubscribe", "release", "invite", "friend-removal")) {
            HttpResponse<String> shown = memberGet("/links/" + page + "/" + forged);
            assertThat(shown.statusCode()).as(page).isEqualTo(404);
            assertThat(shown.body()).as(page).contains("This link is not valid").doesNotContain("Exception");
            memberGet("/apply"); // a page with a form: its CSRF token, so the POST reaches the link check
            HttpResponse<String> posted = memberPost("/links/" + page + "/" + forged, List.of(Map.entry("offered", "MARKETING"),
                    Map.entry("decision", "CONFIRM"), Map.entry("email", "friend@example.org")));
            assertThat(posted.statusCode()).as(page).isIn(404, 400);
            assertThat(memberGet("/links/" + page + "/" + "x".repeat(500)).statusCode()).as(page).isEqualTo(404);
        }
        assertThat(oneClick("/links/unsubscribe/" + forged, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPreferencesFormNamingAnUnknownPurpose_isRefused_andTheLinkStillWorks() {
        String to = uniqueEmail("prefs");
        long m = transaction.execute(s -> {
            long id = members.admit(subjects.findOrCreate(to, "Pref Erence"), null);
            return id;
        });
        String link = link(preferencesMail(to, m), "/links/preferences/");
        Map<String, Integer> before = counts();
        memberGet(link);
        HttpResponse<String> refused = memberPost(link, List.of(Map.entry("offered", "MARKETING"), Map.entry("offered", "TELEPATHY"),
                Map.entry("purposes", "TELEPATHY")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is not a purpose").doesNotContain("Exception");
        assertThat(memberPost(link, List.of(Map.entry("purposes", "MARKETING"))).statusCode()).as("nothing offered").isEqualTo(400);
        assertThat(counts()).isEqualTo(before);
        assertThat(memberGet(link).statusCode()).isEqualTo(200);
        assertThat(memberPost(link, List.of(Map.entry("offered", "MARKETING"), Map.entry("purposes", "MARKETING"))).statusCode()).isEqualTo(200);
        assertThat(memberPost(link, List.of(Map.entry("offered", "MARKETING"))).statusCode()).as("reused").isEqualTo(410);
    }

    @Autowired
    private ConsentRequests requests;

    private jakarta.mail.internet.MimeMessage preferencesMail(String to, long memberId) {
        transaction.executeWithoutResult(s -> requests.askNewMember(memberId));
        return mail(to, "Your choices: what else may we do?");
    }

    private static String policy(String version, String date, String purposes) {
        return "{\"version\":\"" + version + "\",\"effectiveDate\":\"" + date + "\",\"summary\":\"Changes.\",\"newPurposes\":" + purposes + "}";
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Integer.class)));
        return counts;
    }
}
