package org.steward.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.members.MemberKind;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.privacy.ResidueScan;
import org.steward.privacy.processors.ProcessorInstructionProcess;
import org.steward.subjects.DataSubjects;
import org.steward.support.EveryColumn;
import org.steward.support.IntegrationTest;

/**
 * Erasure with a legal hold and a processor, end to end over real HTTP, SMTP and the engine (DSR-4, DSR-7,
 * issue 10 part B): a member with a billing hold on their membership record is erased; everything else goes
 * and is verified, the person is told what is kept, why and until when (never the officer's reason), the
 * processor gets an instruction naming the person by reference only and confirms through its single-use
 * link; when the hold's end date comes (the engine clock moved, the timer job executed) the held records are
 * erased and the completeness check, and an independent scan of every column, find nothing. Also: a dispute
 * hold released early by an officer, bad input, and a used or expired link. Subclasses run it on H2 and
 * MariaDB/MySQL.
 */
abstract class ErasureWithHoldJourneyScenario extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private DataSubjects subjects;
    @Autowired
    private Members members;
    @Autowired
    private Profiles profiles;
    @Autowired
    private ResidueScan residueScan;

    private Long processorId;
    private String processorJson;

    record Person(String name, String email, String phone) {
        static Person unique(String first, String last) {
            String marker = Markers.unique();
            return new Person(first + " " + last + marker, uniqueEmail(first.toLowerCase()),
                    "+49 30 " + (1_000_000 + (int) (Math.random() * 8_999_999)));
        }

        List<String> identifiers() {
            return List.of(name, email, phone);
        }
    }

    /** The engine clock back to now; this test's processor stops receiving instructions (other tests share the database). */
    @AfterEach
    void clockBack_andProcessorDeactivated() {
        ClockUtil.reset();
        if (processorId != null) {
            browser.putJson("/api/processors/" + processorId, processorJson.replace("\"active\":true", "\"active\":false"), "priya");
        }
    }

    @Test
    void billingHold_keepsTheMembershipRecord_theRestIsErased_theProcessorConfirms_thenTheHoldEnds_DSR4_DSR7() throws Exception {
        Person member = Person.unique("Hana", "Keller");
        long memberId = memberWithProfile(member);
        long subjectId = subjects.findByEmail(member.email()).orElseThrow().id();
        String processorEmail = processor("Mailer");
        LocalDate endsOn = LocalDate.now(ZoneOffset.UTC).plusYears(3);

        // DSR-4: a billing hold on the membership record, placed by a privacy officer; the reason is internal.
        String reason = "Membership fee invoices of " + member.name() + ", kept for the tax audit";
        String holdBody = """
                {"memberId":%d,"kind":"BILLING_OR_DONATION","places":["Members and profiles"],"reason":"%s","endsOn":"%s"}"""
                .formatted(memberId, reason, endsOn);
        assertThat(browser.postJson("/api/legal-holds", holdBody, "audrey").statusCode()).isEqualTo(403);
        HttpResponse<String> placed = browser.postJson("/api/legal-holds", holdBody, "priya");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        long holdId = idFrom(placed.body());
        JsonNode hold = JSON.readTree(browser.getJson("/api/legal-holds/" + holdId, "audrey").body());
        assertThat(hold.get("active").asBoolean()).isTrue();
        assertThat(hold.get("endsOn").asText()).isEqualTo(endsOn.toString());
        assertThat(hold.toString()).doesNotContain(member.name(), "tax audit"); // the reason is not shown

        // The erasure: everything but the held records goes, and is verified.
        HttpResponse<String> accepted = browser.postJson("/api/erasures",
                "{\"memberId\":" + memberId + ",\"reason\":\"Asked to be forgotten\"}", "priya");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long erasureId = idFrom(accepted.body());
        runDueJobs();

        // DSR-4: the person is told what is kept, why and until when; never the officer's own reason.
        List<MimeMessage> confirmation = deliverMailTo(member.email());
        assertThat(confirmation).extracting(ErasureWithHoldJourneyScenario::subject).containsExactly("Your data is being erased");
        String told = body(confirmation.get(0));
        assertThat(told).contains("Members and profiles", "Billing and donation records",
                "until " + endsOn.getDayOfMonth() + " " + endsOn.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                        java.util.Locale.ENGLISH) + " " + endsOn.getYear());
        assertThat(told).doesNotContain("tax audit", "invoices of");
        oneMinuteLater();

        JsonNode held = erasure(erasureId);
        assertThat(held.get("status").asText()).isEqualTo("HELD");
        assertThat(held.get("endedAt").isNull()).isTrue();
        assertThat(held.get("residue")).isEmpty();
        assertThat(JSON.convertValue(held.get("placesCleared"), List.class)).contains("Mail outbox")
                .doesNotContain("Members and profiles", "People we hold data about");
        assertThat(held.get("placesKept").findValuesAsText("place"))
                .containsExactlyInAnyOrder("Members and profiles", "People we hold data about", "Legal holds");
        assertThat(held.get("placesKept").findValuesAsText("holdKind")).containsOnly("BILLING_OR_DONATION");
        assertThat(held.get("placesKept").findValuesAsText("heldUntil")).containsOnly(endsOn.toString());
        assertThat(count("SELECT COUNT(*) FROM member_profile p JOIN data_subject s ON s.id = p.subject_id WHERE s.email = ?",
                member.email())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", member.email())).isZero();

        // DSR-7: the processor's instruction names the person by reference only, and is confirmed through its link.
        List<MimeMessage> instruction = deliverMailTo(processorEmail);
        assertThat(instruction).hasSize(1);
        assertThat(subject(instruction.get(0))).startsWith("Erasure instruction #");
        String text = body(instruction.get(0));
        assertThat(text).contains("S-" + subjectId).doesNotContain(member.email(), member.name(), member.phone());
        String link = link(instruction.get(0), "/links/processor-instruction/");
        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("S-" + subjectId, "Confirm the erasure is done");
        JsonNode instructions = JSON.readTree(browser.getJson("/api/erasures/" + erasureId + "/instructions", "audrey").body());
        JsonNode mine = only(instructions, processorId);
        assertThat(mine.get("status").asText()).isEqualTo("SENT"); // GET changed nothing
        HttpResponse<String> confirmed = browser.postForm(link, Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("is confirmed");
        mine = only(JSON.readTree(browser.getJson("/api/erasures/" + erasureId + "/instructions", "audrey").body()), processorId);
        assertThat(mine.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(mine.get("confirmedBy").asText()).isEqualTo("processor");
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(ProcessorInstructionProcess.businessKey(mine.get("id").asLong())).count()).isZero();
        // A replayed click: the "link not valid" page, no 5xx, nothing changes.
        HttpResponse<String> replay = browser.postForm(link, Map.of());
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(replay.body()).contains("already been used");

        // The hold's end date: the timer fires, the held records go, the completeness check runs again.
        ClockUtil.setCurrentTime(Date.from(endsOn.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60)));
        runDueJobs();
        JsonNode done = erasure(erasureId);
        assertThat(done.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(done.get("endedAt").isNull()).isFalse();
        assertThat(done.get("placesKept").findValues("erasedAt")).allMatch(v -> !v.isNull());
        assertThat(JSON.convertValue(done.get("placesCleared"), List.class))
                .contains("Members and profiles", "People we hold data about", "Legal holds");
        assertThat(count("SELECT COUNT(*) FROM legal_hold WHERE id = ?", holdId)).isZero();

        List<String> identifiers = List.of(member.name(), member.email(), member.phone());
        assertThat(residueScan.find(identifiers, Set.of())).isEmpty();
        assertThat(EveryColumn.holding(jdbc.getDataSource(), identifiers)).isEmpty();
    }

    @Test
    void disputeHold_releasedEarlyByAnOfficer_theWaitingErasureGoesOnAtOnce_DSR4() throws Exception {
        Person member = Person.unique("Ivo", "Marsh");
        long memberId = memberWithProfile(member);
        HttpResponse<String> placed = browser.postJson("/api/legal-holds", """
                {"email":"%s","kind":"OPEN_DISPUTE","places":["Members and profiles"],"reason":"Open complaint about a mentoring session"}"""
                .formatted(member.email()), "priya");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        long holdId = idFrom(placed.body());

        long erasureId = idFrom(browser.postJson("/api/erasures", "{\"memberId\":" + memberId + ",\"reason\":\"Asked\"}", "priya").body());
        runDueJobs();
        assertThat(body(deliverMailTo(member.email()).get(0))).contains("until the dispute is resolved");
        oneMinuteLater();
        assertThat(erasure(erasureId).get("status").asText()).isEqualTo("HELD");

        assertThat(browser.postJson("/api/legal-holds/" + holdId + "/release", "", "audrey").statusCode()).isEqualTo(403);
        HttpResponse<String> released = browser.postJson("/api/legal-holds/" + holdId + "/release", "", "priya");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(JSON.readTree(released.body()).get("active").asBoolean()).isFalse();
        runDueJobs();

        JsonNode done = erasure(erasureId);
        assertThat(done.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(done.get("endedAt").isNull()).isFalse();
        assertThat(EveryColumn.holding(jdbc.getDataSource(), member.identifiers())).isEmpty();
        HttpResponse<String> again = browser.postJson("/api/legal-holds/" + holdId + "/release", "", "priya");
        assertThat(again.statusCode()).isEqualTo(404); // the hold went with the records it kept
    }

    @Test
    void badHolds_getAClearAnswer_andStoreNothing_DSR4() {
        Person member = Person.unique("Jon", "Ray");
        long memberId = memberWithProfile(member);
        long before = count("SELECT COUNT(*) FROM legal_hold");
        String far = LocalDate.now(ZoneOffset.UTC).plusYears(8).toString();
        String[][] cases = {
                {"{\"memberId\":%d,\"kind\":\"BILLING_OR_DONATION\",\"places\":[\"Members and profiles\"],\"reason\":\"Invoices\"}", "endsOn"},
                {"{\"memberId\":%d,\"kind\":\"BILLING_OR_DONATION\",\"places\":[\"Members and profiles\"],\"reason\":\"Invoices\",\"endsOn\":\"" + far + "\"}", "7 years"},
                {"{\"memberId\":%d,\"kind\":\"OPEN_DISPUTE\",\"places\":[\"Members and profiles\"],\"reason\":\"x\",\"endsOn\":\"2099-01-01\"}", "until you release it"},
                {"{\"memberId\":%d,\"kind\":\"LEGAL_OBLIGATION\",\"places\":[\"Invoices\"],\"reason\":\"x\"}", "not a place of the register"},
                {"{\"memberId\":%d,\"kind\":\"FOREVER\",\"places\":[\"Members and profiles\"],\"reason\":\"x\"}", "kind"},
                {"{\"memberId\":%d,\"kind\":\"LEGAL_OBLIGATION\",\"places\":[],\"reason\":\"\"}", "reason"},
                {"{\"memberId\":%d,\"kind\":\"LEGAL_OBLIGATION\",\"places\":[\"Members and profiles\"],\"reason\":\"x\",\"endsOn\":\"soon\"}", "YYYY-MM-DD"},
                {"{\"memberId\":999999%d,\"kind\":\"LEGAL_OBLIGATION\",\"places\":[\"Members and profiles\"],\"reason\":\"x\"}", "no member"},
        };
        for (String[] c : cases) {
            HttpResponse<String> refused = browser.postJson("/api/legal-holds", c[0].formatted(memberId), "priya");
            assertThat(refused.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(refused.body()).as(c[0]).contains(c[1]);
        }
        assertThat(browser.postJson("/api/legal-holds", "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\","
                + "\"kind\":\"LEGAL_OBLIGATION\",\"places\":[\"Members and profiles\"],\"reason\":\"x\"}", "priya").statusCode())
                .isEqualTo(400);
        assertThat(browser.postJson("/api/processors", "{\"name\":\"X\",\"contactEmail\":\"not-an-address\",\"holds\":\"x\","
                + "\"active\":true}", "priya").body()).contains("contactEmail");
        assertThat(count("SELECT COUNT(*) FROM legal_hold")).isEqualTo(before);
    }

    @Test
    void anExpiredOrUnknownInstructionLink_showsTheLinkNotValidPage_never5xx_DSR7() throws Exception {
        Person member = Person.unique("Kai", "Lund");
        long memberId = memberWithProfile(member);
        String processorEmail = processor("Analytics");
        long erasureId = idFrom(browser.postJson("/api/erasures", "{\"memberId\":" + memberId + ",\"reason\":\"Asked\"}", "priya").body());
        runDueJobs();
        deliverMailTo(member.email());
        oneMinuteLater();
        MimeMessage instruction = deliverMailTo(processorEmail).get(0);
        String link = link(instruction, "/links/processor-instruction/");
        long instructionId = only(JSON.readTree(browser.getJson("/api/erasures/" + erasureId + "/instructions", "audrey").body()),
                processorId).get("id").asLong();
        assertThat(jdbc.update("UPDATE member_link SET expires_at = ? WHERE purpose = 'processor-instruction' AND subject_id = ?",
                java.sql.Timestamp.valueOf("2020-01-01 00:00:00"), instructionId)).isEqualTo(1);

        HttpResponse<String> expired = browser.get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        browser.get("/privacy"); // a page with a CSRF token for the POSTs below
        assertThat(browser.postForm(link, Map.of()).statusCode()).isEqualTo(410);
        HttpResponse<String> unknown = browser.postForm("/links/processor-instruction/" + "x".repeat(43), Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link is not valid");
        assertThat(browser.get("/links/processor-instruction/" + "y".repeat(500)).statusCode()).isEqualTo(404);
    }

    @Test
    void unconfirmedInstruction_isRemindedOnDay5_andFollowedUpByAPrivacyOfficerOnDay14_DSR7() throws Exception {
        Person member = Person.unique("Lea", "Stone");
        long memberId = memberWithProfile(member);
        String processorEmail = processor("Survey");
        long erasureId = idFrom(browser.postJson("/api/erasures", "{\"memberId\":" + memberId + ",\"reason\":\"Asked\"}", "priya").body());
        runDueJobs();
        deliverMailTo(member.email());
        oneMinuteLater();
        String firstLink = link(deliverMailTo(processorEmail).get(0), "/links/processor-instruction/");
        long instructionId = only(JSON.readTree(browser.getJson("/api/erasures/" + erasureId + "/instructions", "audrey").body()),
                processorId).get("id").asLong();
        String businessKey = ProcessorInstructionProcess.businessKey(instructionId);

        // Day 5: a reminder with a fresh link; the first one no longer works.
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(5)).plusSeconds(120)));
        runDueJobs();
        List<MimeMessage> mails = deliverMailTo(processorEmail);
        assertThat(mails).extracting(ErasureWithHoldJourneyScenario::subject)
                .containsExactly("Erasure instruction #" + instructionId + " from Steward",
                        "Reminder: erasure instruction #" + instructionId + " from Steward");
        assertThat(body(mails.get(1))).doesNotContain(member.email(), member.name());
        assertThat(browser.get(firstLink).statusCode()).isEqualTo(410);
        assertThat(browser.get(link(mails.get(1), "/links/processor-instruction/")).statusCode()).isEqualTo(200);

        // Day 14: the privacy officers' task, named by the instruction, never the person.
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14)).plusSeconds(180)));
        runDueJobs();
        org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ProcessorInstructionProcess.TASK_FOLLOW_UP);
        assertThat(task.getName()).startsWith("Follow up erasure instruction #" + instructionId + " — unconfirmed after 14 days");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId()).contains("privacy-officers");
        HttpResponse<String> view = browser.getJson("/api/staff/tasks/" + task.getId() + "/view", "priya");
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        assertThat(view.body()).contains(processorEmail, "\"subjectRef\"").doesNotContain(member.email(), member.name());

        // Completed with declared outputs only: the note goes to our table, never to the engine.
        String completion = "/api/staff/tasks/" + task.getId() + "/completion";
        assertThat(browser.postJson(completion, "{\"instructionConfirmed\":false}", "peter").statusCode()).isEqualTo(403);
        HttpResponse<String> noChoice = browser.postJson(completion, "{\"note\":\"x\"}", "priya");
        assertThat(noChoice.statusCode()).isEqualTo(400);
        assertThat(noChoice.body()).contains("choose: the processor confirmed");
        HttpResponse<String> noNote = browser.postJson(completion, "{\"instructionConfirmed\":false}", "priya");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        assertThat(browser.postJson(completion, "{\"instructionConfirmed\":false,\"note\":\"x\",\"status\":\"CONFIRMED\"}", "priya")
                .statusCode()).isEqualTo(400);
        String note = "Called their DPO on " + UUID.randomUUID() + ": no answer";
        HttpResponse<String> closed = browser.postJson(completion,
                "{\"instructionConfirmed\":false,\"note\":\"" + note + "\"}", "priya");
        assertThat(closed.statusCode()).as(closed.body()).isIn(200, 204);
        runDueJobs();
        JsonNode instruction = only(JSON.readTree(browser.getJson("/api/erasures/" + erasureId + "/instructions", "audrey").body()),
                processorId);
        assertThat(instruction.get("status").asText()).isEqualTo("CLOSED_UNCONFIRMED");
        assertThat(jdbc.queryForObject("SELECT note FROM processor_instruction WHERE id = ?", String.class, instructionId)).isEqualTo(note);
        assertNotInHistory(note);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_InstructionClosedUnconfirmed");
    }

    /** A processor of this test, active, added by a privacy officer. */
    private String processor(String name) {
        String email = uniqueEmail("privacy-" + name.toLowerCase());
        processorJson = """
                {"name":"%s %s","contactEmail":"%s","holds":"Newsletter recipients: address and name","active":true}"""
                .formatted(name, UUID.randomUUID().toString().substring(0, 6), email);
        assertThat(browser.postJson("/api/processors", processorJson, "audrey").statusCode()).isEqualTo(403);
        HttpResponse<String> added = browser.postJson("/api/processors", processorJson, "priya");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        processorId = idFrom(added.body());
        return email;
    }

    private long memberWithProfile(Person person) {
        return transaction.execute(status -> {
            long subjectId = subjects.findOrCreate(person.email(), person.name());
            profiles.record(subjectId, new Profile(MemberKind.MENTOR, person.phone(), "10115", null, "Software", "Teams",
                    null, null, "English", 2012, null, null, null));
            return members.admit(subjectId, null);
        });
    }

    private void oneMinuteLater() {
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plusSeconds(90)));
        runDueJobs();
    }

    private JsonNode erasure(long id) throws Exception {
        HttpResponse<String> response = browser.getJson("/api/erasures/" + id, "audrey");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode only(JsonNode instructions, long processorId) {
        for (JsonNode i : instructions) {
            if (i.get("processorId").asLong() == processorId) {
                return i;
            }
        }
        throw new AssertionError("no instruction to processor " + processorId + " in " + instructions);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
