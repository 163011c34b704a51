package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.steward.application.ApplicationProcess;
import org.steward.support.Browser;
import org.steward.support.IntegrationTest;
import org.steward.support.TestSmtp;

/**
 * Issue 7, "Tests that must exist": a corpus of malformed requests over the API (/api/applications,
 * /api/incidents, /api/organisations, /api/staff/tasks/{id}/input), the /apply page and every link form
 * (reference, referee removal, more information, email confirmation). Each gets a 4xx with a message a
 * person can read (no Java type names, no stack trace), never a 5xx, and writes no row to any of our
 * tables. One Spring context, no sleeps: the cases share a fixture of open links and tasks made once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest extends IntegrationTest {

    /** What must never reach a person: Java and framework type names, stack frames, the engine's codes. */
    private static final Pattern LEAKS = Pattern.compile("java\\.|javax\\.|jakarta\\.|org\\.springframework|org\\.steward"
            + "|com\\.fasterxml|Exception|\\tat |ENGINE-\\d|typeMismatch|Failed to convert|MemberKind|Whitelabel");

    private static final String LONG_201 = "x".repeat(201);
    private static final String TOO_LONG_TOKEN = "A".repeat(150);

    private final Map<String, String> fixture = new LinkedHashMap<>();
    private List<String> ourTables;
    private HttpClient raw;

    enum Kind { JSON, FORM, GET, RAW_TEXT }

    /** One malformed request, its expected status and a part of the message the person reads. */
    record Bad(String name, Kind kind, String path, String json, Map<String, String> form, String user, int status,
               String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    // --- the corpus ---

    Stream<Bad> corpus() {
        List<Bad> cases = new ArrayList<>();
        applicationsApi(cases);
        incidentsApi(cases);
        organisationsApi(cases);
        staffTaskInput(cases);
        applyPage(cases);
        referenceForm(cases);
        refereeRemoval(cases);
        moreInformation(cases);
        emailConfirmation(cases);
        privacyRequests(cases);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        return cases.stream();
    }

    /** A valid application with these fields changed (a later duplicate key wins). */
    private static String application(String overrides) {
        return """
                {"kind":"MENTOR","name":"Ana Lima","email":"corpus-applicant@example.org","postalCode":"10115",
                 "industry":"Software","expertise":"Scaling teams","languages":["English"],"birthYear":1985,
                 "referees":[{"name":"Rui Costa","email":"corpus-referee@example.org","relationship":"Former manager"}],
                 %s}""".formatted(overrides);
    }

    private static void api(List<Bad> cases, String name, String overrides, String message) {
        cases.add(new Bad("POST /api/applications " + name, Kind.JSON, "/api/applications", application(overrides), null, null,
                400, message));
    }

    private static void applicationsApi(List<Bad> cases) {
        String fieldErrors = "\"errors\"";
        cases.add(new Bad("POST /api/applications malformed JSON", Kind.JSON, "/api/applications", "{not json", null, null, 400, "\"detail\""));
        cases.add(new Bad("POST /api/applications empty body", Kind.JSON, "/api/applications", "", null, null, 400, "\"detail\""));
        cases.add(new Bad("POST /api/applications a JSON array", Kind.JSON, "/api/applications", "[1,2]", null, null, 400, "\"detail\""));
        cases.add(new Bad("POST /api/applications JSON null", Kind.JSON, "/api/applications", "null", null, null, 400, "\"detail\""));
        cases.add(new Bad("POST /api/applications as text/plain", Kind.RAW_TEXT, "/api/applications", application("\"x\":1"), null, null,
                415, "as application/json"));
        cases.add(new Bad("POST /api/applications empty object", Kind.JSON, "/api/applications", "{}", null, null, 400, "\"kind\""));
        api(cases, "kind as a number", "\"kind\":1", "\"detail\"");
        api(cases, "unknown kind", "\"kind\":\"WIZARD\"", "\"detail\"");
        api(cases, "kind null", "\"kind\":null", "choose MENTOR or ENTREPRENEUR");
        api(cases, "blank name", "\"name\":\"  \"", "\"name\"");
        api(cases, "name of 201 characters", "\"name\":\"" + LONG_201 + "\"", "\"name\"");
        api(cases, "name with a line break", "\"name\":\"Ana\\nLima\"", "must be one line of plain text");
        api(cases, "name with a bidi override", "\"name\":\"Ana \\u202Eamil\"", "must be one line of plain text");
        api(cases, "name with a zero-width space", "\"name\":\"Ana\\u200BLima\"", "must be one line of plain text");
        api(cases, "name with a BEL control character", "\"name\":\"Ana\\u0007\"", "must be one line of plain text");
        api(cases, "name as an array", "\"name\":[1,2]", "\"detail\"");
        api(cases, "name as an object", "\"name\":{\"first\":\"Ana\"}", "\"detail\"");
        api(cases, "invalid email", "\"email\":\"not-an-email\"", "must be a valid email address");
        api(cases, "email with a control character", "\"email\":\"ana\\u0001@example.org\"", "\"email\"");
        api(cases, "email of 330 characters", "\"email\":\"" + "a".repeat(318) + "@example.org\"", "\"email\"");
        api(cases, "email missing", "\"email\":null", "\"email\"");
        api(cases, "phone of 41 characters", "\"phone\":\"" + "1".repeat(41) + "\"", "\"phone\"");
        api(cases, "blank postal code", "\"postalCode\":\"\"", "\"postalCode\"");
        api(cases, "postal code with a tab", "\"postalCode\":\"10\\t115\"", "must be one line of plain text");
        api(cases, "industry missing", "\"industry\":null", "\"industry\"");
        api(cases, "city with a right-to-left isolate", "\"city\":\"Berlin\\u2067\"", "\"city\"");
        api(cases, "expertise of 1001 characters", "\"expertise\":\"" + "e".repeat(1001) + "\"", "\"expertise\"");
        api(cases, "expertise with a control character", "\"expertise\":\"Teams\\u0000\"", "must be plain text");
        api(cases, "expertise with a bidi override", "\"expertise\":\"Teams \\u202D\"", "must be plain text");
        api(cases, "business name of 201 characters", "\"businessName\":\"" + LONG_201 + "\"", "\"businessName\"");
        api(cases, "years of experience 1.5", "\"yearsOfExperience\":1.5", "\"detail\"");
        api(cases, "years of experience as text", "\"yearsOfExperience\":\"5\"", "\"detail\"");
        api(cases, "years of experience negative", "\"yearsOfExperience\":-1", "\"yearsOfExperience\"");
        api(cases, "years of experience overflowing", "\"yearsOfExperience\":99999999999", "\"detail\"");
        api(cases, "no languages", "\"languages\":[]", "name at least one language");
        api(cases, "languages as a string", "\"languages\":\"English\"", "\"detail\"");
        api(cases, "a language of 41 characters", "\"languages\":[\"" + "l".repeat(41) + "\"]", "\"languages[0]\"");
        api(cases, "eleven languages", "\"languages\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]", "\"languages\"");
        api(cases, "a language with a zero-width joiner", "\"languages\":[\"Eng\\u200Dlish\"]", "must be one line of plain text");
        api(cases, "organisation id as text", "\"organisationId\":\"abc\"", "\"detail\"");
        api(cases, "unknown organisation", "\"organisationId\":424242", "no member organisation with this id");
        api(cases, "under-age applicant", "\"birthYear\":" + (Year.now().getValue() - 12), "applicants must be at least 16 years old");
        api(cases, "birth year 1800", "\"birthYear\":1800", "\"birthYear\"");
        api(cases, "gender of 51 characters", "\"gender\":\"" + "g".repeat(51) + "\"", "\"gender\"");
        api(cases, "country with a line break", "\"countryOfOrigin\":\"Por\\ntugal\"", "must be one line of plain text");
        api(cases, "no referees", "\"referees\":[]", "name between 1 and 3 referees");
        api(cases, "referees null", "\"referees\":null", "name your referees");
        api(cases, "a null referee", "\"referees\":[null]", "\"referees[0]\"");
        api(cases, "referees as a string", "\"referees\":\"Rui\"", "\"detail\"");
        api(cases, "four referees", "\"referees\":[" + referee("a") + "," + referee("b") + "," + referee("c") + "," + referee("d") + "]",
                "name between 1 and 3 referees");
        api(cases, "the applicant as their own referee", "\"referees\":[{\"name\":\"Me\",\"email\":\"Corpus-Applicant@example.org\","
                + "\"relationship\":\"Myself\"}]", "you cannot be your own referee");
        api(cases, "two referees with one address", "\"referees\":[" + referee("same") + "," + referee("same") + "]",
                "each referee needs their own email address");
        api(cases, "a referee without a name", "\"referees\":[{\"email\":\"r@example.org\",\"relationship\":\"Colleague\"}]",
                "\"referees[0].name\"");
        api(cases, "a referee's relationship on two lines", "\"referees\":[{\"name\":\"Rui\",\"email\":\"r@example.org\","
                + "\"relationship\":\"Former\\nmanager\"}]", "must be one line of plain text");
        api(cases, "a referee's invalid address", "\"referees\":[{\"name\":\"Rui\",\"email\":\"rui-at-example\",\"relationship\":\"x\"}]",
                "must be a valid email address");
        api(cases, "a referee's name as an object", "\"referees\":[{\"name\":{\"first\":\"Rui\"},\"email\":\"r@example.org\",\"relationship\":\"x\"}]",
                "\"detail\"");
    }

    private static String referee(String who) {
        return "{\"name\":\"Referee " + who + "\",\"email\":\"" + who + "@example.org\",\"relationship\":\"Colleague\"}";
    }

    private static void incidentsApi(List<Bad> cases) {
        String valid = """
                "discoveredAt":"%s","summary":"Laptop stolen","dataCategories":["contact details"],"organisationIds":[1]"""
                .formatted(java.time.Instant.now().minusSeconds(3600));
        for (String[] c : new String[][] {
                {"malformed JSON", "{\"summary\":", "\"detail\""},
                {"empty object", "{}", "\"errors\""},
                {"blank summary", "{" + valid + ",\"summary\":\" \"}", "\"summary\""},
                {"discovery time that is not a time", "{" + valid + ",\"discoveredAt\":\"yesterday\"}", "\"detail\""},
                {"categories as a string", "{" + valid + ",\"dataCategories\":\"contact details\"}", "\"detail\""},
                {"a blank category", "{" + valid + ",\"dataCategories\":[\"\"]}", "\"dataCategories[0]\""},
                {"a category of 101 characters", "{" + valid + ",\"dataCategories\":[\"" + "c".repeat(101) + "\"]}", "\"dataCategories[0]\""},
                {"organisation ids as words", "{" + valid + ",\"organisationIds\":[\"one\"]}", "\"detail\""},
                {"no organisations", "{" + valid + ",\"organisationIds\":[]}", "\"organisationIds\""},
                {"organisation id 1.5", "{" + valid + ",\"organisationIds\":[1.5]}", "\"detail\""},
                // Issue 7 finding 10: the categories are kept as one line of at most 1000 characters.
                {"categories of more than 1000 characters in all", "{" + valid + ",\"dataCategories\":["
                        + String.join(",", java.util.Collections.nCopies(11, "\"" + "c".repeat(99) + "\"")) + "]}",
                        "the categories together may be at most 1000 characters"},
                // Issue 7 finding 7 (BRE-1, BRE-2): deadlines count from discovery, so it must be plausible.
                {"discovery time in the future", "{" + valid + ",\"discoveredAt\":\""
                        + java.time.Instant.now().plus(java.time.Duration.ofDays(1)) + "\"}", "cannot lie in the future"},
                {"discovery time in year 1", "{" + valid + ",\"discoveredAt\":\"0001-01-01T00:00:00Z\"}", "more than 30 days back"},
                {"all members of an organisation not among the affected",
                        "{" + valid + ",\"allMembersOfOrganisationIds\":[2]}", "\"allMembersOfOrganisationIds\""}}) {
            cases.add(new Bad("POST /api/incidents " + c[0], Kind.JSON, "/api/incidents", c[1], null, "sam", 400, c[2]));
        }
    }

    private static void organisationsApi(List<Bad> cases) {
        for (String[] c : new String[][] {
                {"malformed JSON", "{\"name\":", "\"detail\""},
                {"empty object", "{}", "\"name\""},
                {"blank name", "{\"name\":\"  \"}", "\"name\""},
                {"name of 201 characters", "{\"name\":\"" + LONG_201 + "\"}", "\"name\""},
                {"name as an array", "{\"name\":[\"a\",\"b\"]}", "\"detail\""},
                {"website not http", "{\"name\":\"Acme\",\"website\":\"ftp://acme.example\"}", "must be an http(s) address"},
                {"website as a boolean", "{\"name\":\"Acme\",\"website\":true}", "\"detail\""}}) {
            cases.add(new Bad("POST /api/organisations " + c[0], Kind.JSON, "/api/organisations", c[1], null, "ada", 400, c[2]));
        }
    }

    private static void staffTaskInput(List<Bad> cases) {
        String path = "/api/staff/tasks/{reviewTask}/input";
        for (String[] c : new String[][] {
                {"malformed JSON", "{\"decision\":", "\"detail\""},
                {"a JSON array", "[1,2]", "send the form's fields as a JSON object"},
                {"a bare string", "\"APPROVE\"", "send the form's fields as a JSON object"},
                {"no decision", "{}", "choose a decision"},
                {"an unknown decision", "{\"decision\":\"MAYBE\"}", "choose one of APPROVE, REJECT, MORE_INFO"},
                {"a decision as a number", "{\"decision\":1}", "choose one of APPROVE, REJECT, MORE_INFO"},
                {"a rejection without a reason", "{\"decision\":\"REJECT\"}", "write the reason for the rejection"},
                {"a question that is blank", "{\"decision\":\"MORE_INFO\",\"reason\":\"   \"}", "write your question"},
                {"a reason of 2001 characters", "{\"decision\":\"REJECT\",\"reason\":\"" + "r".repeat(2001) + "\"}",
                        "may be at most 2000 characters"},
                {"a reason with a bidi override", "{\"decision\":\"REJECT\",\"reason\":\"Looks \\u202Eelif\"}", "must be plain text"},
                {"a reason as a number", "{\"decision\":\"REJECT\",\"reason\":42}", "must be text"},
                {"a field the task does not take", "{\"decision\":\"APPROVE\",\"applicationId\":2}", "this task does not take applicationId"}}) {
            cases.add(new Bad("POST " + path + " " + c[0], Kind.JSON, path, c[1], null, "peter", 400, c[2]));
        }
        cases.add(new Bad("POST /api/staff/tasks/{unknown}/input", Kind.JSON, "/api/staff/tasks/no-such-task/input",
                "{\"decision\":\"APPROVE\"}", null, "peter", 404, "There is no open task"));
    }

    private static Map<String, String> applyForm(String... overrides) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("kind", "ENTREPRENEUR", "name", "Kofi Mensah",
                "email", "corpus-kofi@example.org", "postalCode", "00233", "industry", "Agriculture",
                "expertise", "Cassava processing", "languages", "English, Twi", "referees[0].name", "Ama Owusu",
                "referees[0].email", "corpus-ama@example.org", "referees[0].relationship", "Business partner"));
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        return form;
    }

    private static void applyPage(List<Bad> cases) {
        for (String index : List.of("256", "300", "99999999999", "-1", "abc", "3", "0x1")) {
            cases.add(new Bad("POST /apply referees[" + index + "]", Kind.FORM, "/apply", null,
                    applyForm("referees[" + index + "].name", "Somebody", "referees[" + index + "].email", "s@example.org"),
                    null, 400, "use the 3 referee slots on this form"));
        }
        Object[][] fields = {
                {"birth year in letters", new String[] {"birthYear", "abc"}, "enter the year you were born"},
                {"birth year overflowing", new String[] {"birthYear", "99999999999"}, "enter the year you were born"},
                {"under-age", new String[] {"birthYear", String.valueOf(Year.now().getValue() - 10)}, "applicants must be at least 16 years old"},
                {"years of experience in letters", new String[] {"yearsOfExperience", "ten"}, "enter a whole number of years"},
                {"unknown kind", new String[] {"kind", "WIZARD"}, "choose Mentor or Entrepreneur"},
                {"no kind", new String[] {"kind", ""}, "choose Mentor or Entrepreneur"},
                {"organisation id in letters", new String[] {"organisationId", "abc"}, "choose an organisation from the list"},
                {"name with a bidi override", new String[] {"name", "Kofi \u202Ehsnem"}, "must be one line of plain text"},
                {"name on two lines", new String[] {"name", "Kofi\nMensah"}, "must be one line of plain text"},
                {"expertise of 1001 characters", new String[] {"expertise", "e".repeat(1001)}, "size must be between"},
                {"invalid email", new String[] {"email", "kofi-at-example"}, "must be a valid email address"},
                {"a referee's relationship with a control character", new String[] {"referees[0].relationship", "Partner\u0007"},
                        "must be one line of plain text"},
                {"a referee without an address", new String[] {"referees[0].email", ""}, "must not be blank"}};
        for (Object[] c : fields) {
            cases.add(new Bad("POST /apply " + c[0], Kind.FORM, "/apply", null, applyForm((String[]) c[1]), null, 400, (String) c[2]));
        }
    }

    private static void referenceForm(List<Bad> cases) {
        String path = "{reference}";
        String[][] fields = {
                {"an unknown recommendation", "MAYBE", "", "", "choose one of the recommendations listed"},
                {"no recommendation", "", "3", "", "choose a recommendation"},
                {"known for years in letters", "RECOMMEND", "six", "", "enter a number of years from 0 to 80"},
                {"known for 1.5 years", "RECOMMEND", "1.5", "", "enter a number of years from 0 to 80"},
                {"known for years overflowing", "RECOMMEND", "99999999999", "", "enter a number of years from 0 to 80"},
                {"known for -1 years", "RECOMMEND", "-1", "", "enter a number of years from 0 to 80"},
                {"known for 81 years", "RECOMMEND", "81", "", "enter a number of years from 0 to 80"},
                {"comments of 4001 characters", "RECOMMEND", "3", "c".repeat(4001), "write at most 4000 characters"},
                {"comments with a control character", "RECOMMEND", "3", "Reliable\u0007", "must be plain text"},
                {"comments with a bidi override", "RECOMMEND", "3", "Reliable \u202Eelbailer", "must be plain text"}};
        for (String[] c : fields) {
            cases.add(new Bad("POST reference form: " + c[0], Kind.FORM, path, null,
                    Map.of("recommendation", c[1], "knownForYears", c[2], "comments", c[3]), null, 400, c[4]));
        }
        cases.add(new Bad("GET reference form with an unknown token", Kind.GET, "/links/reference/unknown-token", null, null, null,
                404, "This link is not valid"));
        cases.add(new Bad("POST reference form with an oversized token", Kind.FORM, "/links/reference/" + TOO_LONG_TOKEN, null,
                Map.of("recommendation", "RECOMMEND"), null, 404, "This link is not valid"));
    }

    private static void refereeRemoval(List<Bad> cases) {
        cases.add(new Bad("GET referee removal with an unknown token", Kind.GET, "/links/referee-removal/unknown-token", null, null,
                null, 404, "This link is not valid"));
        cases.add(new Bad("POST referee removal with an unknown token", Kind.FORM, "/links/referee-removal/unknown-token", null,
                Map.of(), null, 404, "This link is not valid"));
        cases.add(new Bad("POST referee removal with an oversized token", Kind.FORM, "/links/referee-removal/" + TOO_LONG_TOKEN,
                null, Map.of(), null, 404, "This link is not valid"));
        cases.add(new Bad("POST referee removal with a control character in the token", Kind.FORM,
                "/links/referee-removal/abc%07def", null, Map.of(), null, 404, "This link is not valid"));
        cases.add(new Bad("POST referee removal with the reference form's token", Kind.FORM, "{referenceAsRemoval}", null,
                Map.of(), null, 404, "This link is not valid"));
    }

    private static void moreInformation(List<Bad> cases) {
        String[][] answers = {
                {"an empty answer", ""},
                {"a blank answer", "   \n  "},
                {"an answer of 4001 characters", "a".repeat(4001)},
                {"an answer with a control character", "Tuesdays\u0007"},
                {"an answer with a bidi override", "Tuesdays \u202Esyadsruht"},
                {"an answer with a zero-width space", "Tues\u200Bdays"},
                {"an answer with a byte-order mark", "\uFEFFTuesdays"}};
        for (String[] c : answers) {
            cases.add(new Bad("POST more information: " + c[0], Kind.FORM, "{moreInformation}", null, Map.of("answer", c[1]),
                    null, 400, c[1].length() > 4000 || c[1].isBlank() ? "write an answer of at most 4000 characters"
                    : "write plain text: no control, zero-width or direction-changing characters"));
        }
        cases.add(new Bad("POST more information with an unknown token", Kind.FORM, "/links/more-information/unknown-token", null,
                Map.of("answer", "Tuesdays"), null, 404, "This link is not valid"));
    }

    private static void emailConfirmation(List<Bad> cases) {
        cases.add(new Bad("GET email confirmation with an unknown token", Kind.GET, "/links/confirm-email/unknown-token", null,
                null, null, 404, "This link is not valid"));
        cases.add(new Bad("POST email confirmation with an unknown token", Kind.FORM, "/links/confirm-email/unknown-token", null,
                Map.of(), null, 404, "This link is not valid"));
        cases.add(new Bad("POST email confirmation with an oversized token", Kind.FORM, "/links/confirm-email/" + TOO_LONG_TOKEN,
                null, Map.of(), null, 404, "This link is not valid"));
        cases.add(new Bad("POST email confirmation with a bidi override in the token", Kind.FORM,
                "/links/confirm-email/abc%E2%80%AEdef", null, Map.of(), null, 404, "This link is not valid"));
        cases.add(new Bad("POST email confirmation with the reference form's token", Kind.FORM, "{referenceAsConfirmation}", null,
                Map.of(), null, 404, "This link is not valid"));
        cases.add(new Bad("POST email confirmation with an oversized field", Kind.FORM, "/links/confirm-email/unknown-token", null,
                Map.of("extra", "x".repeat(100_000)), null, 404, "This link is not valid"));
    }

    /** Issue 10: data-subject requests (DSR-1, DSR-2) over the API, the /privacy page and their links. */
    private static void privacyRequests(List<Bad> cases) {
        String path = "/api/privacy-requests";
        cases.add(new Bad("POST /api/privacy-requests malformed JSON", Kind.JSON, path, "{\"email\":", null, null, 400, "\"detail\""));
        cases.add(new Bad("POST /api/privacy-requests a JSON array", Kind.JSON, path, "[1]", null, null, 400, "\"body\""));
        cases.add(new Bad("POST /api/privacy-requests empty object", Kind.JSON, path, "{}", null, null, 400, "\"email\""));
        cases.add(new Bad("POST /api/privacy-requests malformed email", Kind.JSON, path,
                "{\"email\":\"not-an-email\",\"type\":\"ACCESS\"}", null, null, 400, "must be a valid email address"));
        cases.add(new Bad("POST /api/privacy-requests unknown type", Kind.JSON, path,
                "{\"email\":\"corpus-dsr@example.org\",\"type\":\"EVERYTHING\"}", null, null, 400, "\"type\""));
        cases.add(new Bad("POST /api/privacy-requests type as a number", Kind.JSON, path,
                "{\"email\":\"corpus-dsr@example.org\",\"type\":3}", null, null, 400, "\"type\""));
        cases.add(new Bad("POST /api/privacy-requests 100 kB of details", Kind.JSON, path,
                "{\"email\":\"corpus-dsr@example.org\",\"type\":\"ACCESS\",\"details\":\"" + "d".repeat(100_000) + "\"}",
                null, null, 400, "may be at most 4000 characters"));
        cases.add(new Bad("POST /api/privacy-requests details with a bidi override", Kind.JSON, path,
                "{\"email\":\"corpus-dsr@example.org\",\"type\":\"ACCESS\",\"details\":\"x \\u202E y\"}", null, null, 400,
                "must be plain text"));
        cases.add(new Bad("POST /api/privacy-requests an unknown field", Kind.JSON, path,
                "{\"email\":\"corpus-dsr@example.org\",\"type\":\"ACCESS\",\"name\":\"Ana\"}", null, null, 400,
                "this request does not take name"));
        cases.add(new Bad("POST /privacy malformed email", Kind.FORM, "/privacy",
                null, Map.of("email", "not-an-email", "type", "ACCESS"), null, 400, "must be a valid email address"));
        cases.add(new Bad("POST /privacy 100 kB of details", Kind.FORM, "/privacy",
                null, Map.of("email", "corpus-dsr@example.org", "type", "ACCESS", "details", "d".repeat(100_000)), null, 400,
                "may be at most 4000 characters"));
        // DSR-3: the extension, as a privacy officer; the body is refused before the request is looked up.
        String extension = "/api/privacy-requests/987654321/extension";
        cases.add(new Bad("POST extension malformed JSON", Kind.JSON, extension, "{\"days\":", null, "priya", 400, "\"detail\""));
        cases.add(new Bad("POST extension a JSON array", Kind.JSON, extension, "[30]", null, "priya", 400, "\"body\""));
        cases.add(new Bad("POST extension an unknown field", Kind.JSON, extension, "{\"days\":30,\"reason\":\"x\",\"until\":1}",
                null, "priya", 400, "this request does not take until"));
        cases.add(new Bad("POST /privacy unknown type", Kind.FORM, "/privacy",
                null, Map.of("email", "corpus-dsr@example.org", "type", "EVERYTHING"), null, 400, "choose one of"));
        cases.add(new Bad("GET privacy request verification with an unknown token", Kind.GET, "/links/privacy-request/unknown-token",
                null, null, null, 404, "This link is not valid"));
        cases.add(new Bad("POST privacy request verification with an unknown token", Kind.FORM, "/links/privacy-request/unknown-token",
                null, Map.of(), null, 404, "This link is not valid"));
        cases.add(new Bad("POST export download with an unknown token", Kind.FORM, "/links/privacy-export/unknown-token",
                null, Map.of("format", "json"), null, 404, "This link is not valid"));
    }

    // --- the test ---

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAReadableMessage_andWritesNothing(Bad bad) {
        Map<String, Long> before = rowCounts();
        HttpResponse<String> response = send(bad);
        assertThat(response.statusCode()).as("%s: %s", bad.name(), response.body()).isEqualTo(bad.status());
        assertThat(response.body()).as(bad.name()).contains(bad.message()).doesNotContainPattern(LEAKS);
        assertThat(rowCounts()).as("rows after %s", bad.name()).isEqualTo(before);
    }

    private HttpResponse<String> send(Bad bad) {
        String path = resolve(bad.path());
        return switch (bad.kind()) {
            case JSON -> browser.postJson(path, bad.json(), bad.user());
            case GET -> browser.get(path);
            case FORM -> {
                browser.get("/apply"); // the session's CSRF token, as a person's browser would have it
                yield browser.postForm(path, bad.form());
            }
            case RAW_TEXT -> sendText(path, bad.json());
        };
    }

    private HttpResponse<String> sendText(String path, String body) {
        try {
            return raw.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "text/plain").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String resolve(String path) {
        for (Map.Entry<String, String> entry : fixture.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return path;
    }

    /** Rows in each of Steward's own tables (not the engine's), and signs of an update to an existing one. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : ourTables) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        // Changes to existing rows too: links used, applications and references updated.
        counts.put("used links", jdbc.queryForObject("SELECT COUNT(*) FROM member_link WHERE used_at IS NOT NULL", Long.class));
        counts.put("application versions", jdbc.queryForObject("SELECT COALESCE(SUM(version), 0) FROM application", Long.class));
        counts.put("reference versions", jdbc.queryForObject("SELECT COALESCE(SUM(version), 0) FROM reference_check", Long.class));
        counts.put("running process instances", runtimeService.createProcessInstanceQuery().count());
        return counts;
    }

    // --- the fixture: open links and an open review task, made once through real HTTP ---

    @BeforeAll
    void openLinksAndTasks() throws Exception {
        browser = new Browser(port);
        raw = HttpClient.newHttpClient();
        TestSmtp.server().purgeEmailFromAllMailboxes();
        ourTables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = SCHEMA() AND LOWER(table_name) NOT LIKE 'act\\_%' AND LOWER(table_name) <> 'flyway_schema_history'
                ORDER BY table_name""", String.class);
        assertThat(ourTables).contains("application", "reference_check", "data_subject", "outbox_message", "member_link",
                "staff_task_input", "audit_entry", "member_organisation");

        // An application whose referee has not answered: the reference form and the removal link.
        String referee = uniqueEmail("corpus-referee");
        confirmedApplication(uniqueEmail("corpus-a"), referee);
        MimeMessage request = deliverMailTo(referee).get(0);
        String referenceLink = link(request, "/links/reference/");
        fixture.put("reference", referenceLink);
        fixture.put("referenceAsRemoval", referenceLink.replace("/links/reference/", "/links/referee-removal/"));
        fixture.put("referenceAsConfirmation", referenceLink.replace("/links/reference/", "/links/confirm-email/"));

        // An application under review.
        Task review = reviewTask(uniqueEmail("corpus-b"));
        fixture.put("reviewTask", review.getId());

        // An application whose reviewer asked a question: the more-information link.
        String asked = uniqueEmail("corpus-c");
        Task toAsk = reviewTask(asked);
        completeAsTasklist(toAsk.getId(), "peter", "{\"decision\":\"MORE_INFO\",\"reason\":\"Which evenings?\"}");
        runDueJobs();
        MimeMessage question = deliverMailTo(asked).stream()
                .filter(m -> body(m).contains("/links/more-information/")).findFirst().orElseThrow();
        fixture.put("moreInformation", link(question, "/links/more-information/"));
    }

    private void confirmedApplication(String applicant, String referee) {
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        confirmAddress(applicant);
    }

    private Task reviewTask(String applicant) {
        String referee = uniqueEmail("corpus-referee");
        HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, referee), null);
        long applicationId = idFrom(submitted.body());
        confirmAddress(applicant);
        String form = link(deliverMailTo(referee).get(0), "/links/reference/");
        browser.get(form);
        assertThat(browser.postForm(form, Map.of("recommendation", "RECOMMEND")).statusCode()).isEqualTo(200);
        runDueJobs();
        return taskService.createTaskQuery().processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId)).singleResult();
    }
}
