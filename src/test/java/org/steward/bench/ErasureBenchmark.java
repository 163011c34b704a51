package org.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.application.ApplicationProcess;
import org.steward.privacy.erasure.Erasure;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.support.IntegrationTest;

/**
 * Erasure at scale (issue 9), run on demand (see bench/README.md): N members, each with a profile, an
 * approved application with a reduced reference and two sent mails, and the history of N/10 finished
 * application processes. One more member goes through the real application flow; then ErasureProcess
 * erases them, and the benchmark times the erase step (engine and every place of the register, one
 * transaction) and the completeness check (every column of every table), next to a plain DELETE of
 * another member's rows in the same run. On MariaDB/MySQL when -Dsteward.it.jdbc-url names one (default
 * 1,000,000 members), else on in-memory H2 (default 100,000); -Dbench.members, -Dbench.histories shrink it.
 */
@Tag("bench")
class ErasureBenchmark extends IntegrationTest {

    private static final boolean REAL_DATABASE = !System.getProperty("steward.it.jdbc-url", "").isBlank();
    private static final int MEMBERS = Integer.getInteger("bench.members", REAL_DATABASE ? 1_000_000 : 100_000);
    private static final int HISTORIES = Integer.getInteger("bench.histories", MEMBERS / 10);
    /** Columns of the engine's history tables that hold ids of one process instance's rows. */
    private static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
            "act_inst_id_", "parent_act_inst_id_", "task_id_", "call_proc_inst_id_", "super_proc_inst_id_", "var_inst_id_",
            "job_id_", "operation_id_", "process_instance_id_", "super_process_instance_id_", "parent_task_id_");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (REAL_DATABASE) {
            registry.add("spring.datasource.url", () -> System.getProperty("steward.it.jdbc-url"));
            registry.add("spring.datasource.username", () -> System.getProperty("steward.it.jdbc-user", "root"));
            registry.add("spring.datasource.password", () -> System.getProperty("steward.it.jdbc-password", ""));
        }
    }

    @Autowired
    private Erasure erasure;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void eraseOneMemberAmongMany_andVerify_nextToAPlainDelete() throws Exception {
        Map<String, Duration> setup = new LinkedHashMap<>();
        long start = System.nanoTime();
        String email = uniqueEmail("bench-erased");
        String name = "Bench Erased " + UUID.randomUUID().toString().substring(0, 6);
        long applicationId = memberThroughTheApplicationFlow(email, name);
        setup.put("one member through the application flow", since(start));

        start = System.nanoTime();
        BenchPopulation.numbers(jdbc, Math.max(MEMBERS, HISTORIES));
        BenchPopulation.members(jdbc, MEMBERS);
        setup.put(MEMBERS + " members (subject, profile, member, application, reference, 2 mails)", since(start));
        start = System.nanoTime();
        int historyRows = cloneHistory(ApplicationProcess.businessKey(applicationId));
        setup.put(HISTORIES + " finished application processes in history (" + historyRows + " rows)", since(start));

        // Generated members whose application has a finished process in history: the warm-up, three more
        // samples of the erase step and the plain DELETE each take one (subject ids and application ids are
        // not in the same order, so they are picked through bench_history).
        List<Long> withHistory = jdbc.queryForList("""
                SELECT a.subject_id FROM bench_history h JOIN application a ON a.id = h.n ORDER BY h.n LIMIT 5""", Long.class);
        assertThat(withHistory).hasSize(5);

        // A first erasure (of a generated member) warms up the JVM and the database's plans; it is reported apart.
        Map<String, Duration> warmUp = runErasureJobs(erasure.eraseSubject(withHistory.get(0), "benchmark warm-up"));

        // Erase the real member through ErasureProcess (RET-1's entry: no confirmation mail to wait for).
        long subjectId = jdbc.queryForObject("SELECT id FROM data_subject WHERE email = ?", Long.class, email);
        long clonedRows = clonedHistoryRows();
        long erasureId = erasure.eraseSubject(subjectId, "benchmark");
        Map<String, Duration> steps = runErasureJobs(erasureId);
        // The real member's process is the clones' template: erasing it must leave every clone's rows alone (a
        // clone column left holding the template's instance id would have its rows deleted with the template).
        assertThat(clonedHistoryRows()).as("history rows of the cloned processes").isEqualTo(clonedRows);
        assertThat(erasure.view(erasureId).status().name()).isEqualTo("VERIFIED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE email = ?", Long.class, email)).isZero();

        // More samples of the erase step alone (members with history), the completeness check left out.
        List<Duration> samples = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            samples.add(eraseStepOnly(erasure.eraseSubject(withHistory.get(i), "benchmark sample")));
        }

        // A plain DELETE of another such member's rows, same tables, same run: first our tables, then (in the
        // same transaction) the rows of their finished application process in the engine's history tables.
        long other = withHistory.get(4);
        String otherInstance = jdbc.queryForObject("SELECT h.id_ FROM " + historyTable("act_hi_procinst")
                + " h JOIN application a ON h.business_key_ = CONCAT('application-', a.id) WHERE a.subject_id = ?", String.class, other);
        Duration[] plainDelete = new Duration[2];
        transaction.executeWithoutResult(status -> {
            long begin = System.nanoTime();
            plainDelete(other);
            plainDelete[0] = since(begin);
            begin = System.nanoTime();
            plainDeleteHistory(otherInstance);
            plainDelete[1] = since(begin);
        });

        System.out.printf("%nBENCH members=%d histories=%d database=%s cores=%d%n", MEMBERS, HISTORIES,
                REAL_DATABASE ? "MariaDB/MySQL" : "H2 in memory", Runtime.getRuntime().availableProcessors());
        setup.forEach((what, took) -> System.out.printf("BENCH setup  %-70s %8.1f s%n", what, seconds(took)));
        warmUp.forEach((step, took) -> System.out.printf("BENCH warm-up %-69s %8.3f s%n", step, seconds(took)));
        steps.forEach((step, took) -> System.out.printf("BENCH step   %-70s %8.3f s%n", step, seconds(took)));
        System.out.printf("BENCH erase step, 3 more members with history: %s s%n",
                String.join(" / ", samples.stream().map(d -> String.format(Locale.ROOT, "%.3f", seconds(d))).toList()));
        double plainTotal = seconds(plainDelete[0]) + seconds(plainDelete[1]);
        System.out.printf("BENCH plain DELETE of one member's rows in our tables (6 statements)               %8.3f s%n",
                seconds(plainDelete[0]));
        System.out.printf("BENCH plain DELETE of that member's application process in history (%d statements) %8.3f s%n",
                historyTables.size(), seconds(plainDelete[1]));
        System.out.printf("BENCH plain DELETE, both, one transaction                                          %8.3f s%n", plainTotal);
        double erase = seconds(steps.get("Task_ErasePersonalData"));
        System.out.printf("BENCH ratio erase step / plain DELETE (our tables) %.1f%n", erase / Math.max(seconds(plainDelete[0]), 0.001));
        System.out.printf("BENCH ratio erase step / plain DELETE (with history) %.1f%n%n", erase / Math.max(plainTotal, 0.001));
    }

    /** Runs the erasure's jobs one at a time, as the job executor would, timing each by its activity. */
    private Map<String, Duration> runErasureJobs(long erasureId) {
        Map<String, Duration> took = new LinkedHashMap<>();
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ErasureProcess.businessKey(erasureId))
                .singleResult().getId();
        while (true) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).executable().list();
            if (jobs.isEmpty()) {
                return took;
            }
            Job job = jobs.get(0);
            String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult().getActivityId();
            long start = System.nanoTime();
            managementService.executeJob(job.getId());
            took.merge(activity.equals("StartEvent_ErasureRequested") ? "Task_IdentifyPerson" : activity, since(start), Duration::plus);
        }
    }

    /** Runs an erasure up to its completeness check and times the erase step; the rest is dropped. */
    private Duration eraseStepOnly(long erasureId) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ErasureProcess.businessKey(erasureId))
                .singleResult().getId();
        Duration erase = Duration.ZERO;
        while (true) {
            Job job = managementService.createJobQuery().processInstanceId(instance).executable().list().get(0);
            String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult().getActivityId();
            if (activity.equals("Task_VerifyErasure")) {
                runtimeService.deleteProcessInstance(instance, "benchmark sample");
                return erase;
            }
            long start = System.nanoTime();
            managementService.executeJob(job.getId());
            if (activity.equals("Task_ErasePersonalData")) {
                erase = since(start);
            }
        }
    }

    private long memberThroughTheApplicationFlow(String email, String name) {
        String referee = uniqueEmail("bench-referee");
        HttpResponse<String> submitted = browser.postJson("/api/applications", """
                {"kind":"MENTOR","name":"%s","email":"%s","phone":"+49 30 5550101","postalCode":"10115","industry":"Software",
                 "expertise":"Scaling teams","languages":["English"],"birthYear":1985,
                 "referees":[{"name":"Bench Referee","email":"%s","relationship":"Colleague"}]}""".formatted(name, email, referee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        confirmAddress(email); // referees are asked only once the applicant has confirmed their address
        String link = link(deliverMailTo(referee).get(0), "/links/reference/");
        browser.get(link);
        browser.postForm(link, Map.of("recommendation", "RECOMMEND", "knownForYears", "3", "comments", "Good"));
        runDueJobs();
        String task = taskService.createTaskQuery().processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId))
                .singleResult().getId();
        completeAsTasklist(task, "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        deliverMailTo(email);
        return applicationId;
    }

    /**
     * Copies every history row of one finished application process (the template) once per bench
     * application, with its instance ids suffixed and the bench application's business key: the engine's
     * history as it would be after N/10 real applications, without running them.
     */
    private int cloneHistory(String templateKey) throws SQLException {
        String template = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(templateKey)
                .singleResult().getId();
        jdbc.execute("DROP TABLE IF EXISTS bench_history");
        jdbc.execute("CREATE TABLE bench_history (n BIGINT PRIMARY KEY, business_key VARCHAR(100), suffix VARCHAR(12))");
        jdbc.update("""
                INSERT INTO bench_history (n, business_key, suffix)
                SELECT a.id, CONCAT('application-', a.id), LPAD(a.id, 12, '0') FROM application a JOIN data_subject s ON s.id = a.subject_id
                WHERE s.email LIKE 'bench%@bench.example' ORDER BY a.id LIMIT ?""", HISTORIES);
        int rows = 0;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String q = meta.getIdentifierQuoteString().trim();
            for (String table : historyTables(meta, connection)) {
                List<String> columns = new ArrayList<>();
                List<String> values = new ArrayList<>();
                boolean hasRoot = false;
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME");
                        String lower = column.toLowerCase(Locale.ROOT);
                        hasRoot |= lower.equals("root_proc_inst_id_");
                        columns.add(q + column + q);
                        if (INSTANCE_IDS.contains(lower)) {
                            // Camunda's ids end in the 12-character node part of a time-based UUID, the same in
                            // every id of one run: the clone's number takes its place, so ids keep their length.
                            String id = "t." + q + column + q;
                            values.add("CASE WHEN " + id + " IS NULL THEN NULL ELSE CONCAT(SUBSTRING(" + id + ", 1, LENGTH(" + id
                                    + ") - 12), h.suffix) END");
                        } else if (lower.equals("business_key_")) {
                            values.add("h.business_key");
                        } else {
                            values.add("t." + q + column + q);
                        }
                    }
                }
                if (!hasRoot) {
                    continue;
                }
                historyTables.add(table);
                rows += jdbc.update("INSERT INTO " + q + table + q + " (" + String.join(", ", columns) + ") SELECT "
                        + String.join(", ", values) + " FROM " + q + table + q + " t, bench_history h WHERE t."
                        + q + columns.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains("root_proc_inst_id_")).findFirst()
                        .orElseThrow().replace(q, "") + q + " = ?", template);
            }
        }
        return rows;
    }

    private static List<String> historyTables(DatabaseMetaData meta, Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT).startsWith("act_hi_")) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }

    /** The engine's history tables that have a root process instance column, as the database spells them. */
    private final List<String> historyTables = new ArrayList<>();

    private String historyTable(String lowerCaseName) {
        return historyTables.stream().filter(t -> t.equalsIgnoreCase(lowerCaseName)).findFirst().orElseThrow();
    }

    /** History rows whose root is a cloned process: every row but those of the few processes that really ran. */
    private long clonedHistoryRows() {
        List<String> ran = jdbc.queryForList("SELECT id_ FROM " + historyTable("act_hi_procinst")
                + " p WHERE NOT EXISTS (SELECT 1 FROM bench_history b WHERE b.business_key = p.business_key_)", String.class);
        String notRan = ran.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", "));
        return historyTables.stream().mapToLong(table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table
                + " WHERE root_proc_inst_id_ NOT IN (" + notRan + ")", Long.class)).sum();
    }

    private void plainDeleteHistory(String processInstanceId) {
        for (String table : historyTables) {
            jdbc.update("DELETE FROM " + table + " WHERE root_proc_inst_id_ = ?", processInstanceId);
        }
    }

    private void plainDelete(long subjectId) {
        // A join, not IN (subquery): MariaDB 10.11 runs a single-table DELETE's subquery against every row.
        jdbc.update(REAL_DATABASE ? "DELETE r FROM reference_check r JOIN application a ON a.id = r.application_id WHERE a.subject_id = ?"
                : "DELETE FROM reference_check WHERE application_id IN (SELECT id FROM application WHERE subject_id = ?)", subjectId);
        jdbc.update("DELETE FROM application WHERE subject_id = ?", subjectId);
        jdbc.update("DELETE FROM member WHERE subject_id = ?", subjectId);
        jdbc.update("DELETE FROM member_profile WHERE subject_id = ?", subjectId);
        jdbc.update("DELETE FROM outbox_message WHERE recipient_subject_id = ?", subjectId);
        assertThat(jdbc.update("DELETE FROM data_subject WHERE id = ?", subjectId)).isOne();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
