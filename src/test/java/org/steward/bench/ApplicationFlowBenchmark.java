package org.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.steward.support.ApplicationFlows;
import org.steward.support.ClusterClient;
import org.steward.support.MailIndex;
import org.steward.support.PrivateMariaDb;
import org.steward.support.StewardProcess;
import org.steward.support.TestSmtp;

/**
 * Issue 14 item 6, run on demand (bench/README.md): N applications (default 1,000) with one referee each, driven
 * through HTTP as people drive them ({@link ApplicationFlows}: submit, confirm the address by link, the referee
 * answers by link, staff complete the review through the engine's REST API) until the approval mail reaches the
 * loopback SMTP sink, against one Steward JVM on a private MariaDB. In the same run, on the same MariaDB server
 * (a database of its own), the bare engine runs the same shape of process with no Steward around it: start →
 * service → message wait → service → user task → service → end, every step async, history FULL, the job executor
 * on. Each side first runs warm-up flows that are not counted (-Dbench.warmup, default 1,500), so the figures are
 * the JIT-compiled steady state both would reach in service, not the first minute's compilation. Reports flows/s
 * in steady state, p50/p95 submit → approval mail, CPU per flow (the JVM and the database server), start-up time
 * and heap. -Dbench.flows=200 for a quick run; -Dbench.concurrency (default 20); -Dbench.profile=/tmp/x.jfr records
 * the measured flows (not the warm-up) in the Steward JVM with Java Flight Recorder.
 */
@Tag("bench")
class ApplicationFlowBenchmark {

    private static final int FLOWS = Integer.getInteger("bench.flows", 1_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1_500);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 20);
    private static final String PROFILE = System.getProperty("bench.profile", "").strip();
    /** The driving JVM's own recording of the measured flows (people over HTTP, the SMTP sink): where its CPU goes. */
    private static final String HARNESS_PROFILE = System.getProperty("bench.harness-profile", "").strip();
    private static final String STATEMENT_LOG = System.getProperty("bench.statement-log", "").strip();

    @Test
    void stewardApplicationFlow_nextToTheBareEngine() throws Exception {
        // The sink logs every new recipient at INFO: two lines a flow, written by this JVM on the measured machine.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail")).setLevel(ch.qos.logback.classic.Level.WARN);
        try (PrivateMariaDb db = PrivateMariaDb.start("flow-bench")) {
            BareResult bare = bareEngine(db);

            TestSmtp.server().purgeEmailFromAllMailboxes();
            try (StewardProcess steward = StewardProcess.start("bench-a", TestSmtp.PORT,
                    stewardProperties(db), jvmOptions()).awaitReady(Duration.ofMinutes(5));
                 MailIndex mail = new MailIndex(TestSmtp.server())) {
                long heapAfterStart = steward.heapUsedMb();
                ClusterClient http = new ClusterClient(() -> List.of(steward.baseUrl()));
                if (WARMUP > 0) {
                    ApplicationFlows.Result warm = new ApplicationFlows(http, mail, "warm", null, Duration.ofMinutes(10)).run(WARMUP, CONCURRENCY);
                    assertThat(warm.failures()).isEmpty();
                    // The measured flows start with an empty sink: GreenMail's mailboxes from the warm-up would only take memory.
                    TestSmtp.server().purgeEmailFromAllMailboxes();
                }
                if (!PROFILE.isEmpty()) {
                    System.out.println(steward.jcmd("JFR.start", "name=bench", "settings=" + System.getProperty("bench.profile-settings", "default"), "filename=" + PROFILE));
                }
                ApplicationFlows flows = new ApplicationFlows(http, mail, "bench", null, Duration.ofMinutes(10));
                long[] peakHeap = {heapAfterStart};
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peakHeap[0] = Math.max(peakHeap[0], steward.heapUsedMb());
                        try {
                            Thread.sleep(5_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                Duration stewardCpu = steward.cpuTime();
                Map<String, Long> threadCpu = steward.threadCpuMillis();
                Duration databaseCpu = db.cpuTime();
                Duration harnessCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
                long statements = statements(db);
                statementLog(db, true);
                jdk.jfr.Recording harnessRecording = HARNESS_PROFILE.isEmpty() ? null : harnessRecording();
                ApplicationFlows.Result result = flows.run(FLOWS, CONCURRENCY);
                if (harnessRecording != null) {
                    harnessRecording.dump(java.nio.file.Path.of(HARNESS_PROFILE));
                    harnessRecording.close();
                }
                statementLog(db, false);
                statements = statements(db) - statements;
                stewardCpu = steward.cpuTime().minus(stewardCpu);
                Map<String, Long> threadCpuAfter = steward.threadCpuMillis();
                databaseCpu = db.cpuTime().minus(databaseCpu);
                harnessCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(harnessCpu);
                sampler.interrupt();
                if (!PROFILE.isEmpty()) {
                    System.out.println(steward.jcmd("JFR.stop", "name=bench"));
                }
                assertThat(result.failures()).isEmpty();
                assertThat(result.flows()).hasSize(FLOWS);
                double steady = ApplicationFlows.steadyRate(result.flows());

                System.out.printf("%nBENCH flows=%d (after %d warm-up flows) concurrency=%d cores=%d database=MariaDB (private)%n", FLOWS,
                        WARMUP, CONCURRENCY, Runtime.getRuntime().availableProcessors());
                System.out.printf("BENCH steward start-up %.1f s, heap after start %d MB, peak under load %d MB (sampled every 5 s)%n",
                        steward.startUp().toMillis() / 1000.0, heapAfterStart, peakHeap[0]);
                System.out.printf("BENCH steward  %6.1f flows/s steady; submit -> approval mail p50 %d ms, p95 %d ms; whole run %.1f s;"
                                + " CPU per flow %d ms (JVM) + %d ms (database); %d SQL statements per flow%n",
                        steady, ApplicationFlows.percentile(result.flows(), 50).toMillis(),
                        ApplicationFlows.percentile(result.flows(), 95).toMillis(),
                        Duration.between(result.started(), result.finished()).toMillis() / 1000.0,
                        stewardCpu.toMillis() / FLOWS, databaseCpu.toMillis() / FLOWS, statements / FLOWS);
                System.out.printf("BENCH bare engine %6.1f flows/s steady; start -> end p50 %d ms, p95 %d ms;"
                                + " CPU per flow %d ms (JVM, the driving threads included) + %d ms (database); %d SQL statements per flow"
                                + " (the driving threads' polls included)%n",
                        bare.rate(), bare.p50(), bare.p95(), bare.jvmCpuPerFlow(), bare.databaseCpuPerFlow(), bare.statementsPerFlow());
                System.out.printf("BENCH steward CPU per flow by thread kind (ms): %s; this JVM (people, mail sink) %d ms%n",
                        perFlow(threadCpu, threadCpuAfter), harnessCpu.toMillis() / FLOWS);
                System.out.printf("BENCH steward code cache: %s%n", steward.jcmd("Compiler.codecache").lines()
                        .filter(line -> line.contains("used=") || line.contains("full_count")).map(String::strip)
                        .collect(java.util.stream.Collectors.joining("; ")));
                System.out.printf("BENCH ratio steward / bare engine %.0f %% (target at least 50 %%)%n%n", 100 * steady / bare.rate());
            }
        }
    }

    /** The threads' CPU during the measured flows, per flow, largest first (threads that ended meanwhile left out). */
    private static String perFlow(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) FLOWS))
                .filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The private database, plus -Dbench.steward-properties=name=value,name=value (e.g. a pool size to try). */
    private static Map<String, String> stewardProperties(PrivateMariaDb db) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(Map.of("spring.datasource.url", db.jdbcUrl()));
        for (String pair : System.getProperty("bench.steward-properties", "").split(",")) {
            if (pair.contains("=")) {
                properties.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
            }
        }
        return properties;
    }

    /** -Xmx1g, plus -Dbench.steward-jvm-options (space-separated), e.g. a flight recording to find where the time goes. */
    private static String[] jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx1g"));
        if (!PROFILE.isEmpty()) {
            options.add("-XX:FlightRecorderOptions=stackdepth=320"); // 64 frames end inside Spring Security's filter chain
        }
        String extra = System.getProperty("bench.steward-jvm-options", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options.toArray(String[]::new);
    }

    private record BareResult(double rate, long p50, long p95, long jvmCpuPerFlow, long databaseCpuPerFlow, long statementsPerFlow) {
    }

    /** Statements the server has run so far (its Questions counter: every statement a client sent). */
    private static long statements(PrivateMariaDb db) throws java.sql.SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2) - 1;
        }
    }

    /** -Dbench.statement-log=/tmp/f.log: the server's general log of the measured Steward flows, to see which statements they run. */
    private static void statementLog(PrivateMariaDb db, boolean on) throws java.sql.SQLException {
        if (STATEMENT_LOG.isEmpty()) {
            return;
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (on) {
                s.execute("SET GLOBAL general_log_file = '" + STATEMENT_LOG.replace("'", "") + "'");
            }
            s.execute("SET GLOBAL general_log = " + (on ? "ON" : "OFF"));
        }
    }

    /** The same shape as the application flow, on the bare engine: what Steward's own work costs is the difference. */
    private BareResult bareEngine(PrivateMariaDb db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE bare CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        // Hikari, as Steward has (MyBatis' own pool hands out connections MariaDB already dropped under this load).
        com.zaxxer.hikari.HikariDataSource connections = new com.zaxxer.hikari.HikariDataSource();
        connections.setJdbcUrl(db.jdbcUrl().replace("/steward?", "/bare?"));
        connections.setUsername("root");
        connections.setPassword("");
        connections.setMaximumPoolSize(CONCURRENCY + 10); // the people polling, plus the job executor
        connections.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        configuration.setDataSource(connections);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        configuration.setProcessEngineName("bare-bench");
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            BpmnModelInstance shape = Bpmn.createExecutableProcess("BareShape")
                    .startEvent().camundaAsyncAfter()
                    .serviceTask("submit").camundaExpression("${true}").camundaAsyncBefore()
                    .receiveTask("reference").message("Reference")
                    .serviceTask("collect").camundaExpression("${true}").camundaAsyncBefore()
                    .userTask("review").camundaCandidateGroups("staff")
                    .serviceTask("approve").camundaExpression("${true}").camundaAsyncBefore()
                    .endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance("BareShape.bpmn", shape).deploy();
            if (WARMUP > 0) {
                bareFlows(engine, "bare-warm-", WARMUP);
            }
            Duration jvmCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            Duration databaseCpu = db.cpuTime();
            long statements = statements(db);
            BareRun run = bareFlows(engine, "bare-", FLOWS);
            statements = statements(db) - statements;
            jvmCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(jvmCpu);
            databaseCpu = db.cpuTime().minus(databaseCpu);
            List<Long> sorted = run.latencies().stream().sorted().toList();
            List<Instant> done = run.ends().stream().sorted().toList();
            int from = done.size() / 10;
            int to = done.size() - 1 - done.size() / 10;
            double rate = (to - from) / Math.max(0.001, Duration.between(done.get(from), done.get(to)).toMillis() / 1000.0);
            return new BareResult(rate, sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1),
                    jvmCpu.toMillis() / FLOWS, databaseCpu.toMillis() / FLOWS, statements / FLOWS);
        } finally {
            engine.close();
            connections.close();
        }
    }

    private record BareRun(List<Long> latencies, List<Instant> ends) {
    }

    /** {@code count} bare flows, {@link #CONCURRENCY} at a time, each driven as a person would (poll, correlate, complete). */
    private static BareRun bareFlows(ProcessEngine engine, String keyPrefix, int count) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Instant> ends = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                long start = System.nanoTime();
                ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("BareShape", keyPrefix + n);
                await(() -> engine.getRuntimeService().createExecutionQuery().processInstanceId(pi.getId())
                        .messageEventSubscriptionName("Reference").count() == 1);
                engine.getRuntimeService().createMessageCorrelation("Reference").processInstanceId(pi.getId()).correlate();
                Task[] task = new Task[1];
                await(() -> (task[0] = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()) != null);
                engine.getTaskService().complete(task[0].getId());
                await(() -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                        .finished().count() == 1);
                latencies.add((System.nanoTime() - start) / 1_000_000);
                ends.add(Instant.now());
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(20, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return new BareRun(latencies, ends);
    }

    /** Polls like the application flow's people do (every 200 ms), so both runs wait the same way. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("bare engine flow did not get on in 5 minutes");
            }
            Thread.sleep(200);
        }
    }

    private static jdk.jfr.Recording harnessRecording() throws java.io.IOException, java.text.ParseException {
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
        recording.start();
        return recording;
    }
}
