package org.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steward.support.Browser;
import org.steward.support.IntegrationTest;

/**
 * The auditors' view at scale (issue 13, AUD-2, AUD-4), run on demand (see bench/README.md). N finished
 * application cases (default 100,000) are written straight into the engine's history tables (each with 14
 * activity instances: start, two references, review, a decision, fillers, end; a third rejected, every tenth
 * with an expired reference, every seventh with a question), and their rows of the funnel table as the process's
 * listeners would have left them, then, as auditor audrey over HTTP:
 * <ol>
 *   <li>the case list page (first page, the process filter, a deep page) and the application funnel page, each
 *       run once cold and five times warm (median), target under 1 s;</li>
 *   <li>the funnel CSV of all N cases, read by a streaming client, with the server JVM's heap sampled every
 *       5 ms during the download (the client discards the bytes, so the heap is the server's).</li>
 * </ol>
 * Figures are printed on lines starting with BENCH.
 */
@Tag("bench")
class AuditViewBenchmark extends IntegrationTest {

    private static final boolean REAL_DATABASE = !System.getProperty("steward.it.jdbc-url", "").isBlank();
    private static final int CASES = Integer.getInteger("bench.cases", 100_000);
    private static final Pattern FUNNEL = Pattern.compile("id=\"funnel-([a-z-]+)\">(\\d*)<");

    @Autowired
    private RepositoryService repositoryService;

    private final List<String> figures = new ArrayList<>();

    /** -Dsteward.it.jdbc-url runs it on that MariaDB (its bench rows are removed afterwards); else H2 in memory. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (REAL_DATABASE) {
            registry.add("spring.datasource.url", () -> System.getProperty("steward.it.jdbc-url"));
            registry.add("spring.datasource.username", () -> System.getProperty("steward.it.jdbc-user", "root"));
            registry.add("spring.datasource.password", () -> System.getProperty("steward.it.jdbc-password", ""));
        }
    }

    @AfterEach
    void removeBenchRows() {
        jdbc.update("DELETE FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ LIKE 'bench-%'");
        jdbc.update("DELETE FROM ACT_HI_PROCINST WHERE ID_ LIKE 'bench-%'");
        jdbc.update("DELETE FROM application_funnel_case WHERE process_instance_id LIKE 'bench-%'");
    }

    @Test
    void caseListFunnelAndCsvOverAHundredThousandFinishedApplications() throws Exception {
        Browser audrey = new Browser(port);
        audrey.get("/login");
        assertThat(audrey.postForm("/login", Map.of("username", "audrey", "password", "demo")).statusCode()).isEqualTo(302);
        removeBenchRows();
        Map<String, Long> before = funnelCounts(audrey.get("/audit/reports/applications").body());
        long start = System.nanoTime();
        insertHistory();
        insertFunnelCases();
        figure("history written (" + CASES + " cases, " + CASES * 14L + " activity instances)", seconds(start), "s");

        page(audrey, "case list, first page", "/audit", "application-" + (1_000_000 + CASES));
        page(audrey, "case list, process filter", "/audit?process=ApplicationApprovalProcess&state=completed", "application-");
        page(audrey, "case list, page " + CASES / 100, "/audit?page=" + CASES / 100, "application-"); // 1,000 of 2,000
        String funnel = page(audrey, "application funnel page", "/audit/reports/applications", "funnel-submitted");
        Map<String, Long> counts = funnelCounts(funnel);
        assertThat(counts.get("submitted") - before.get("submitted")).isEqualTo(CASES);
        assertThat(counts.get("rejected") - before.get("rejected")).isEqualTo(CASES / 3);
        assertThat(counts.get("approved") - before.get("approved")).isEqualTo(CASES - CASES / 3);
        assertThat(counts.get("references-expired") - before.get("references-expired")).isEqualTo(CASES / 10);
        assertThat(counts.get("more-information") - before.get("more-information")).isEqualTo(CASES / 7);

        csv(before.get("submitted") + CASES);
        System.out.printf("%nBENCH cases=%d database=%s cores=%d max-heap=%d MB%n", CASES, REAL_DATABASE ? "MariaDB/MySQL" : "H2 in memory", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
        figures.forEach(System.out::println);
    }

    private String page(Browser audrey, String name, String path, String expected) {
        long cold = System.nanoTime();
        HttpResponse<String> first = audrey.get(path);
        double coldSeconds = seconds(cold);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains(expected);
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // A different (still all-covering) period each time, so H2 cannot hand back a result it kept.
            String varied = path + (path.contains("?") ? "&" : "?") + "to=2030-01-0" + (i + 1);
            long t = System.nanoTime();
            assertThat(audrey.get(varied).statusCode()).isEqualTo(200);
            warm.add(seconds(t));
        }
        warm.sort(Double::compare);
        figure(name + ": cold", coldSeconds, "s");
        figure(name + ": warm median of 5 (each a new period)", warm.get(2), "s");
        return first.body();
    }

    private void csv(long cases) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/audit/reports/applications/report.csv"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("audrey:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        long bytes = 0;
        String firstData = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length() + 2;
                if (lines == 2) {
                    firstData = line;
                }
            }
        }
        double took = seconds(start);
        running.set(false);
        sampler.join();
        assertThat(lines).isEqualTo(cases + 1L);
        assertThat(firstData).startsWith("application-");
        figure("funnel CSV, all cases streamed (" + lines + " lines, " + bytes / 1024 / 1024 + " MB)", took, "s");
        figure("funnel CSV: heap before (after a GC)", baseline / 1024.0 / 1024.0, "MB");
        figure("funnel CSV: peak heap during the download, above that", (peak.get() - baseline) / 1024.0 / 1024.0, "MB");
        System.gc();
        figure("funnel CSV: heap after (after a GC)", memory.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0, "MB");
    }

    /** N finished ApplicationApprovalProcess cases, one minute apart from 2025-01-01, written by INSERT ... SELECT. */
    private void insertHistory() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("ApplicationApprovalProcess")
                .latestVersion().singleResult().getId();
        jdbc.update(range("""
                INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_,
                    DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
                SELECT 'bench-' || X, 'bench-' || X, 'application-' || (1000000 + X), 'ApplicationApprovalProcess', ?,
                    DATEADD('SECOND', X * 60, TIMESTAMP '2025-01-01 00:00:00'),
                    DATEADD('SECOND', X * 60 + 5 * 86400 + MOD(X, 48) * 3600, TIMESTAMP '2025-01-01 00:00:00'),
                    (5 * 86400 + MOD(X, 48) * 3600) * 1000, 'StartEvent_ApplicationSubmitted', 'EndEvent_Decided', 'bench-' || X, 'COMPLETED'
                FROM SYSTEM_RANGE(1, ?)"""), definition, CASES);
        Object[][] activities = {
                {"StartEvent_ApplicationSubmitted", "startEvent", 0, "TRUE"},
                {"Task_SendConfirmation", "serviceTask", 1, "TRUE"},
                {"Task_WaitForConfirmation", "receiveTask", 2, "TRUE"},
                {"Task_RequestReferences", "serviceTask", 3, "TRUE"},
                {"EndEvent_ReferenceReceived", "noneEndEvent", 86400, "TRUE"},
                {"EndEvent_ReferenceReceived", "noneEndEvent", 90000, "MOD(X, 10) <> 0"},
                {"EndEvent_ReferenceExpired", "noneEndEvent", 90000, "MOD(X, 10) = 0"},
                {"Gateway_ReferencesComplete", "exclusiveGateway", 90001, "TRUE"},
                {"Task_ReviewApplication", "userTask", 90002, "TRUE"},
                {"Task_RequestMoreInformation", "serviceTask", 100000, "MOD(X, 7) = 0"},
                {"Gateway_Decision", "exclusiveGateway", 400000, "TRUE"},
                {"Task_AdmitMember", "serviceTask", 400001, "MOD(X, 3) <> 0"},
                {"Task_SendRejection", "serviceTask", 400001, "MOD(X, 3) = 0"},
                {"EndEvent_Decided", "noneEndEvent", 400002, "TRUE"}};
        // Each case gets 14 rows: the two mutually exclusive pairs (received/expired, admit/reject) and the
        // question, where a case has none, become filler steps so every case has the same number of rows.
        for (int i = 0; i < activities.length; i++) {
            Object[] a = activities[i];
            String condition = (String) a[3];
            jdbc.update(range("""
                    INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_,
                        ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_)
                    SELECT 'bench-' || X || '-%d', 'ApplicationApprovalProcess', ?, 'bench-' || X, 'bench-' || X, 'bench-' || X,
                        CASE WHEN %s THEN ? ELSE 'Activity_Filler%d' END, ?, DATEADD('SECOND', X * 60 + %d, TIMESTAMP '2025-01-01 00:00:00'),
                        DATEADD('SECOND', X * 60 + %d, TIMESTAMP '2025-01-01 00:00:00'), 1000, 1, %d
                    FROM SYSTEM_RANGE(1, ?)""".formatted(i, condition, i, a[2], (int) a[2] + 1, i)),
                    definition, a[0], a[1], CASES);
        }
    }

    /**
     * The funnel rows the approval process's listeners leave for the same cases (ApplicationFunnelMilestones: two
     * references or one and an expiry, one review, every seventh a question, a third rejected).
     */
    private void insertFunnelCases() {
        jdbc.update(range("""
                INSERT INTO application_funnel_case (process_instance_id, business_key, submitted_at, references_received,
                    references_expired, reviews_opened, more_information, outcome, ended_at, duration_ms)
                SELECT 'bench-' || X, 'application-' || (1000000 + X), DATEADD('SECOND', X * 60, TIMESTAMP '2025-01-01 00:00:00'),
                    CASE WHEN MOD(X, 10) = 0 THEN 1 ELSE 2 END, CASE WHEN MOD(X, 10) = 0 THEN 1 ELSE 0 END, 1,
                    CASE WHEN MOD(X, 7) = 0 THEN 1 ELSE 0 END, CASE WHEN MOD(X, 3) = 0 THEN 'REJECTED' ELSE 'APPROVED' END,
                    DATEADD('SECOND', X * 60 + 5 * 86400 + MOD(X, 48) * 3600, TIMESTAMP '2025-01-01 00:00:00'),
                    (5 * 86400 + MOD(X, 48) * 3600) * 1000
                FROM SYSTEM_RANGE(1, ?)"""), CASES);
    }

    /**
     * The inserts count X over 1..N with H2's SYSTEM_RANGE (its column X, quoted under DATABASE_TO_LOWER); on
     * MariaDB the same with its sequence table, CONCAT for || and TIMESTAMPADD for DATEADD.
     */
    private static String range(String sql) {
        if (!REAL_DATABASE) {
            return sql.replaceAll("\\bX\\b", "\"X\"");
        }
        return sql.replaceAll("'([^']*)' \\|\\| X \\|\\| '([^']*)'", "CONCAT('$1', X, '$2')")
                .replaceAll("'([^']*)' \\|\\| \\(([^)]*)\\)", "CONCAT('$1', $2)")
                .replaceAll("'([^']*)' \\|\\| X", "CONCAT('$1', X)")
                .replace("DATEADD('SECOND', ", "TIMESTAMPADD(SECOND, ")
                .replace("FROM SYSTEM_RANGE(1, ?)", "FROM seq_1_to_" + CASES + " WHERE seq <= ?")
                .replaceAll("\\bX\\b", "seq");
    }

    private static Map<String, Long> funnelCounts(String page) {
        Map<String, Long> counts = new HashMap<>();
        Matcher m = FUNNEL.matcher(page);
        while (m.find()) {
            counts.put(m.group(1), m.group(2).isEmpty() ? 0 : Long.parseLong(m.group(2)));
        }
        return counts;
    }

    private void figure(String name, double value, String unit) {
        figures.add("BENCH %-75s %10.3f %s".formatted(name, value, unit));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
