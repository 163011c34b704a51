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
 * on. Reports flows/s in steady state, p50/p95 submit → approval mail, start-up time and heap.
 * -Dbench.flows=200 for a quick run; -Dbench.concurrency (default 20).
 */
@Tag("bench")
class ApplicationFlowBenchmark {

    private static final int FLOWS = Integer.getInteger("bench.flows", 1_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 20);

    @Test
    void stewardApplicationFlow_nextToTheBareEngine() throws Exception {
        try (PrivateMariaDb db = PrivateMariaDb.start("flow-bench")) {
            BareResult bare = bareEngine(db);

            TestSmtp.server().purgeEmailFromAllMailboxes();
            try (StewardProcess steward = StewardProcess.start("bench-a", TestSmtp.PORT,
                    Map.of("spring.datasource.url", db.jdbcUrl()), jvmOptions()).awaitReady(Duration.ofMinutes(5));
                 MailIndex mail = new MailIndex(TestSmtp.server())) {
                long heapAfterStart = steward.heapUsedMb();
                ClusterClient http = new ClusterClient(() -> List.of(steward.baseUrl()));
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
                ApplicationFlows.Result result = flows.run(FLOWS, CONCURRENCY);
                sampler.interrupt();
                assertThat(result.failures()).isEmpty();
                assertThat(result.flows()).hasSize(FLOWS);
                double steady = ApplicationFlows.steadyRate(result.flows());

                System.out.printf("%nBENCH flows=%d concurrency=%d cores=%d database=MariaDB (private)%n", FLOWS, CONCURRENCY,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("BENCH steward start-up %.1f s, heap after start %d MB, peak under load %d MB (sampled every 5 s)%n",
                        steward.startUp().toMillis() / 1000.0, heapAfterStart, peakHeap[0]);
                System.out.printf("BENCH steward  %6.1f flows/s steady; submit -> approval mail p50 %d ms, p95 %d ms; whole run %.1f s%n",
                        steady, ApplicationFlows.percentile(result.flows(), 50).toMillis(),
                        ApplicationFlows.percentile(result.flows(), 95).toMillis(),
                        Duration.between(result.started(), result.finished()).toMillis() / 1000.0);
                System.out.printf("BENCH bare engine %6.1f flows/s steady; start -> end p50 %d ms, p95 %d ms%n", bare.rate(), bare.p50(),
                        bare.p95());
                System.out.printf("BENCH ratio steward / bare engine %.0f %% (target at least 50 %%)%n%n", 100 * steady / bare.rate());
            }
        }
    }

    /** -Xmx1g, plus -Dbench.steward-jvm-options (space-separated), e.g. a flight recording to find where the time goes. */
    private static String[] jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx1g"));
        String extra = System.getProperty("bench.steward-jvm-options", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options.toArray(String[]::new);
    }

    private record BareResult(double rate, long p50, long p95) {
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
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Instant> ends = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < FLOWS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("BareShape", "bare-" + n);
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
            List<Long> sorted = latencies.stream().sorted().toList();
            List<Instant> done = ends.stream().sorted().toList();
            int from = done.size() / 10;
            int to = done.size() - 1 - done.size() / 10;
            double rate = (to - from) / Math.max(0.001, Duration.between(done.get(from), done.get(to)).toMillis() / 1000.0);
            return new BareResult(rate, sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1));
        } finally {
            engine.close();
            connections.close();
        }
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
}
