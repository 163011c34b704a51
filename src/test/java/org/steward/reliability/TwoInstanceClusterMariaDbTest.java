package org.steward.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.steward.support.ApplicationFlows;
import org.steward.support.ClusterClient;
import org.steward.support.MailIndex;
import org.steward.support.PrivateMariaDb;
import org.steward.support.StewardProcess;
import org.steward.support.TestSmtp;

/**
 * Issue 14 items 4 and 5: two Steward JVMs on one MariaDB database, a Camunda cluster as operators would run it
 * (README "Operations"). The database is a private MariaDB of the test's own, the instances listen on loopback
 * ports, and every request goes through {@link ClusterClient}, which spreads them over the instances that are up,
 * as a load balancer would. In order:
 * <ol>
 * <li>the daily retention sweep, made due now, runs once for the cluster, not once per instance;</li>
 * <li>300 applications (one referee each, answered by link, reviewed through the engine's REST API) and one
 * incident whose member notice goes to 1,000 members are driven through both, and instance A is killed with
 * SIGKILL when a third of the approvals are out: afterwards every flow completed, every job succeeded once, no
 * activity ran twice, and every mail reached its recipient with one Message-ID;</li>
 * <li>deadline safety (BRE-2): an incident discovered almost 23 hours ago, whose automatic ISO notice timer is
 * held by the dead instance A (its lock written as A's acquisition leaves it, since a crash at that very moment
 * cannot be timed), gets its notice from B once the lock expires, exactly once.</li>
 * </ol>
 * Smaller for a quick run: -Dsteward.cluster.applications=60 -Dsteward.cluster.members=200.
 */
@Tag("real-database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TwoInstanceClusterMariaDbTest {

    private static final int APPLICATIONS = Integer.getInteger("steward.cluster.applications", 300);
    private static final int MEMBERS = Integer.getInteger("steward.cluster.members", 1000);
    private static final Duration LOCK_TIME = Duration.ofSeconds(10);
    private static final String MEMBER_NOTICE = "Important: a security incident may affect your information";
    private static final String MINIMAL_ISO_NOTICE = "Security incident notice from Steward (preliminary)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private static PrivateMariaDb db;
    private static StewardProcess a;
    private static StewardProcess b;
    private static ClusterClient http;
    private static MailIndex mail;
    private static long organisationId;
    private static ClusterChecks checks;

    @BeforeAll
    static void startTheCluster() throws Exception {
        db = PrivateMariaDb.start("cluster");
        checks = new ClusterChecks(db);
        TestSmtp.server().purgeEmailFromAllMailboxes();
        // One after the other: the first creates the schema (Flyway, the engine's tables), the second finds it.
        a = start("cluster-a");
        b = start("cluster-b");
        Supplier<List<String>> up = () -> java.util.stream.Stream.of(a, b).filter(StewardProcess::alive)
                .map(StewardProcess::baseUrl).toList();
        http = new ClusterClient(up);
        mail = new MailIndex(TestSmtp.server());
        organisationId = id(http.postJson("/api/organisations", "{\"name\":\"Cluster organisation\",\"website\":\"\"}", "ada"));
        assertThat(http.putJson("/api/organisations/" + organisationId + "/security-contacts",
                "{\"isoName\":\"Ines Officer\",\"isoEmail\":\"iso@cluster.example\"}", "ada").statusCode()).isEqualTo(200);
        insertMembers(organisationId);
    }

    private static StewardProcess start(String name) {
        return StewardProcess.start(name, TestSmtp.PORT, Map.of(
                "spring.datasource.url", db.jdbcUrl(),
                // A job held by a dead instance is free again after this; the production default is 5 minutes.
                "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis()),
                "camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle", "PT2S,PT5S,PT10S",
                "steward.outbox.claim-lease", "PT15S"), "-Xmx640m").awaitReady(Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {mail, a, b, db}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void theDailyRetentionSweep_runsOncePerCluster() throws Exception {
        String job = single("""
                SELECT ID_ FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = 'RetentionSweepProcess' AND HANDLER_TYPE_ = 'timer-start-event'""");
        update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?", Timestamp.from(Instant.now().minusSeconds(1)), job);
        awaitCount("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'RetentionSweepProcess' AND END_TIME_ IS NOT NULL",
                1, Duration.ofMinutes(2));
        Thread.sleep(LOCK_TIME.toMillis() + 3_000); // long enough for a second instance to have run it too
        assertThat(checks.number("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'RetentionSweepProcess'"))
                .as("sweeps started").isEqualTo(1);
        assertThat(checks.number("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = '" + job + "' AND JOB_STATE_ = 2"))
                .as("successful runs of the sweep's timer").isEqualTo(1);
        // The timer start event is re-armed for the next day, once.
        assertThat(checks.number("""
                SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = 'RetentionSweepProcess' AND HANDLER_TYPE_ = 'timer-start-event'""")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void applicationsAndAMemberNotice_throughBothInstances_allCompleteOnce_whenOneIsKilledMidRun() throws Exception {
        ApplicationFlows flows = new ApplicationFlows(http, mail, "cluster", TwoInstanceClusterMariaDbTest::applicationId,
                Duration.ofMinutes(6));
        CompletableFuture<ApplicationFlows.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return flows.run(APPLICATIONS, 20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        // The incident, meanwhile: reported, triaged, ISO notice approved, member notice to all 1,000 approved.
        long incidentId = id(http.postJson("/api/incidents", incidentJson(Instant.now().minus(Duration.ofHours(1))), "sam"));
        String incident = "incident-" + incidentId;
        completeTask(incident, "Task_TriageIncident", "{\"genuineIncident\":true}");
        completeTask(incident, "Task_ApproveIsoNotice", "{}");
        completeTask(incident, "Task_ApproveMemberNotice", "{\"memberMessage\":\"Please change your password.\"}");

        // Kill A when a third of the approvals are out (and member notices are on their way).
        mail.awaitCount(ApplicationFlows.APPROVED, APPLICATIONS / 3, Duration.ofMinutes(8));
        long killedAt = System.nanoTime();
        Instant killed = Instant.now();
        a.kill();
        System.out.printf("CLUSTER killed %s (kill -9) after %d approvals, %d member notices%n", a.name(),
                mail.countWithSubject(ApplicationFlows.APPROVED), mail.countWithSubject(MEMBER_NOTICE));

        ApplicationFlows.Result result = run.get(10, TimeUnit.MINUTES);
        assertThat(result.failures()).as(checks::diagnosis).isEmpty();
        assertThat(result.flows()).hasSize(APPLICATIONS);
        mail.awaitCount(MEMBER_NOTICE, MEMBERS, Duration.ofMinutes(5));
        awaitCount("SELECT COUNT(*) FROM outbox_message WHERE status NOT IN ('SENT', 'CANCELLED')", 0, Duration.ofMinutes(2));
        System.out.printf("CLUSTER all done %.1f s after the kill%n", (System.nanoTime() - killedAt) / 1e9);

        checks.assertEveryApplicationApprovedOnce(APPLICATIONS);
        assertThat(http.serverErrors()).as("5xx other than 503").isEmpty();
        assertThat(b.alive()).isTrue();
        // Both instances worked: each ran jobs (the engine's job log names the instance).
        assertThat(checks.rows("SELECT DISTINCT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2")).contains(a.name(), b.name());

        // Every mail once: one Message-ID per applicant, referee and member and subject (a resend after the kill
        // would keep its id). Staff addresses are left out: they may get several mails of one subject.
        Map<String, Long> messageIds = mail.all().stream()
                .filter(m -> m.recipient().endsWith("@example.org") || m.recipient().endsWith("@cluster.example")).collect(Collectors.groupingBy(m -> m.recipient() + " | " + m.subject(),
                Collectors.mapping(MailIndex.Received::messageId, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        assertThat(messageIds.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("mails sent twice under different Message-IDs").isEmpty();
        // The same Message-ID delivered twice is a resend: allowed only for a mail A handed to SMTP before it was
        // killed and could not mark sent (the crash window, README "Operations"), sent again by B after the lease.
        Map<String, List<Instant>> deliveries = mail.all().stream().collect(Collectors.groupingBy(MailIndex.Received::messageId,
                Collectors.mapping(MailIndex.Received::seenAt, Collectors.toList())));
        List<String> resentWithoutACrash = deliveries.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .filter(e -> e.getValue().stream().sorted().skip(1).anyMatch(at -> at.isBefore(killed)) || e.getValue().size() > 2)
                .map(e -> e.getKey() + " at " + e.getValue()).toList();
        assertThat(resentWithoutACrash).as("mails delivered twice while both instances were up").isEmpty();
        List<String> notified = mail.all().stream().filter(m -> m.subject().equals(MEMBER_NOTICE)).map(MailIndex.Received::recipient)
                .distinct().toList();
        assertThat(notified).hasSize(MEMBERS);
        assertThat(checks.number("SELECT COUNT(*) FROM outbox_message WHERE template = 'incident-member-notice'")).isEqualTo(MEMBERS);
        System.out.printf("CLUSTER %d flows, steady %.1f flows/s, p50 %d ms, p95 %d ms; deliveries repeated with the same Message-ID: %d; "
                        + "statuses %s, connection failures %d%n", result.flows().size(), ApplicationFlows.steadyRate(result.flows()),
                ApplicationFlows.percentile(result.flows(), 50).toMillis(), ApplicationFlows.percentile(result.flows(), 95).toMillis(),
                mail.duplicates().size(), http.statuses(), http.connectionFailures());
    }

    @Test
    @Order(3)
    void theAutomaticIsoNotice_heldByAnInstanceThatDied_isSentByTheOther_once_BRE2() throws Exception {
        assertThat(a.alive()).as("instance A was killed in the test before").isFalse();
        // Discovered 22 h 58 m 45 s ago: the 12- and 20-hour escalations are overdue, the 23-hour notice due in 75 s.
        Instant discovered = Instant.now().minus(Duration.ofHours(23)).plusSeconds(75).truncatedTo(ChronoUnit.SECONDS);
        long incidentId = id(http.postJson("/api/incidents", incidentJson(discovered), "sam"));
        String deadlineJob = awaitSingle("""
                SELECT j.ID_ FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION p ON p.ID_ = j.PROCESS_INSTANCE_ID_
                JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_
                WHERE p.BUSINESS_KEY_ = 'incident-%d' AND d.ACT_ID_ = 'BoundaryEvent_IsoNoticeDeadlineNear'""".formatted(incidentId),
                Duration.ofMinutes(1));
        // As A leaves it when it acquires the due timer and dies before it commits: locked by A until its lock expires.
        Instant lockExpires = discovered.plus(Duration.ofHours(23)).plus(LOCK_TIME);
        assertThat(update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ? AND LOCK_OWNER_ IS NULL",
                a.name(), Timestamp.from(lockExpires), deadlineJob)).as("the timer was still free to take").isEqualTo(1);

        MailIndex.Received notice = mail.await("iso@cluster.example", MINIMAL_ISO_NOTICE, Duration.ofMinutes(5));
        assertThat(notice.seenAt()).as("not before A's lock expired").isAfter(lockExpires.minusSeconds(1));
        Thread.sleep(LOCK_TIME.toMillis());
        assertThat(mail.of("iso@cluster.example").stream().filter(m -> m.subject().equals(MINIMAL_ISO_NOTICE))
                .map(MailIndex.Received::messageId).distinct()).as("automatic ISO notices of this incident").hasSize(1);
        assertThat(checks.rows("SELECT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = '" + deadlineJob + "' AND JOB_STATE_ = 2"))
                .containsExactly(b.name());
        System.out.printf("CLUSTER automatic ISO notice %d ms after A's lock expired%n",
                Duration.between(lockExpires, notice.seenAt()).toMillis());
    }

    // ---- helpers ----

    private static String incidentJson(Instant discoveredAt) {
        return """
                {"discoveredAt":"%s","summary":"A laptop with a member export was stolen",
                 "dataCategories":["contact details"],"organisationIds":[%d],"memberIds":[],"allMembersOfOrganisationIds":[%d]}"""
                .formatted(discoveredAt, organisationId, organisationId);
    }

    /** As Tasklist does, through whichever instance answers: the typed input to Steward's task API, then submit-form. */
    private static void completeTask(String businessKey, String taskKey, String input) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            HttpResponse<String> list = http.getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=" + taskKey, "sam");
            JsonNode tasks = JSON.readTree(list.body());
            if (list.statusCode() == 200 && tasks.size() == 1) {
                String taskId = tasks.get(0).get("id").asText();
                HttpResponse<String> saved = http.postJson("/api/staff/tasks/" + taskId + "/input", input, "sam");
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
                HttpResponse<String> done = http.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{}}", "sam");
                assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
                return;
            }
            assertThat(Instant.now()).as("task %s of %s", taskKey, businessKey).isBefore(until);
            Thread.sleep(300);
        }
    }

    private static void awaitCount(String sql, long expected, Duration patience) throws Exception {
        Instant until = Instant.now().plus(patience);
        while (checks.number(sql) != expected) {
            assertThat(Instant.now()).as("%s = %d (is %d)", sql, expected, checks.number(sql)).isBefore(until);
            Thread.sleep(250);
        }
    }

    private static String awaitSingle(String sql, Duration patience) throws Exception {
        Instant until = Instant.now().plus(patience);
        while (true) {
            List<String> found = checks.rows(sql);
            if (found.size() == 1) {
                return found.get(0);
            }
            assertThat(Instant.now()).as(sql).isBefore(until);
            Thread.sleep(200);
        }
    }

    private static long id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 202);
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Long applicationId(String email) {
        try {
            return Long.valueOf(single("SELECT a.id FROM application a JOIN data_subject s ON s.id = a.subject_id WHERE s.email = '"
                    + email.replace("'", "''") + "'"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insertMembers(long organisationId) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.connect()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO data_subject (email, display_name, created_at, version) VALUES (?, ?, ?, 0)")) {
                for (int i = 0; i < MEMBERS; i++) {
                    s.setString(1, "member" + i + "@cluster.example");
                    s.setString(2, "Member " + i);
                    s.setTimestamp(3, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO member (subject_id, status, organisation_id, essential_communications, joined_at, version)
                    SELECT id, 'ACTIVE', ?, TRUE, ?, 0 FROM data_subject WHERE email LIKE '%@cluster.example' AND email LIKE 'member%'""")) {
                s.setLong(1, organisationId);
                s.setTimestamp(2, now);
                s.executeUpdate();
            }
        }
    }

    private static String single(String sql) throws SQLException {
        List<String> found = checks.rows(sql);
        assertThat(found).as(sql).hasSize(1);
        return found.get(0);
    }

    private static int update(String sql, Object... values) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
