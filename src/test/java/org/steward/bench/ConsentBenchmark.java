package org.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.consent.ConsentChoices;
import org.steward.consent.ConsentProcesses;
import org.steward.support.IntegrationTest;

/**
 * CON-3 and CON-5 at scale, run on demand (see bench/README.md). With N members (default 100,000) whose
 * MARKETING consents all expire on one day, it measures:
 * <ol>
 *   <li>the engine's load while they wait: jobs and executions of the day's ConsentRenewalProcess, and the
 *       cost of a job-acquisition-like query, next to P instances of a one-process-per-consent model (a timer
 *       and an empty step each; default 10,000, extrapolated);</li>
 *   <li>renewal requests: from the engine clock reaching 30 days before expiry until every request is in
 *       the outbox (the day's timer, then one job per thousand members, run one after another);</li>
 *   <li>a newsletter to all N: from POST /api/newsletters (which fixes the recipients) until every
 *       newsletter is in the outbox, with its List-Unsubscribe headers and links.</li>
 * </ol>
 * Figures are printed on lines starting with BENCH.
 */
@Tag("bench")
class ConsentBenchmark extends IntegrationTest {

    private static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    private static final int PER_CONSENT = Integer.getInteger("bench.per-consent", 10_000);

    @Autowired
    private ConsentChoices choices;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private TransactionTemplate transaction;

    private final List<String> figures = new ArrayList<>();

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void renewalRequestsAndNewsletterForAHundredThousandMembers() {
        insertMembers();
        // One real grant starts the day's renewal process; the other N-1 consents are written straight into the
        // ledger for the same expiry instant (the path a grant takes is measured by the tests, not here).
        long first = jdbc.queryForObject("SELECT MIN(id) FROM member", Long.class);
        choices.recordByStaff(first, "MARKETING", true, "bench");
        Timestamp expiresAt = jdbc.queryForObject("SELECT expires_at FROM consent_entry WHERE member_id = ?", Timestamp.class, first);
        long start = System.nanoTime();
        jdbc.update("""
                INSERT INTO consent_entry (member_id, purpose, action, granted, expires_at, policy_version, channel, evidence, recorded_at)
                SELECT id, 'MARKETING', 'GRANTED', TRUE, ?, '1', 'STAFF', 'staff:bench', ? FROM member WHERE id <> ?""",
                expiresAt, new Timestamp(System.currentTimeMillis()), first);
        figure("ledger rows written (one INSERT ... SELECT)", seconds(start), "s");

        // 1. While they wait.
        figure("waiting: timer jobs of ConsentRenewalProcess", count("SELECT COUNT(*) FROM act_ru_job WHERE process_def_key_ = '"
                + ConsentProcesses.RENEWAL_KEY + "'"), "");
        figure("waiting: executions of ConsentRenewalProcess", count("SELECT COUNT(*) FROM act_ru_execution e JOIN act_re_procdef d "
                + "ON d.id_ = e.proc_def_id_ WHERE d.key_ = '" + ConsentProcesses.RENEWAL_KEY + "'"), "");
        figure("waiting: acquisition-like query, 1 day timer (ms per query)", acquisitionMillis(), "ms");
        perConsentComparison(expiresAt.toInstant());

        // 2. Renewal requests, 30 days before expiry.
        ClockUtil.setCurrentTime(Date.from(expiresAt.toInstant().minus(Duration.ofDays(30)).plusSeconds(60)));
        start = System.nanoTime();
        int jobs = runAllJobs();
        double renewal = seconds(start);
        long requests = count("SELECT COUNT(*) FROM outbox_message WHERE template = 'consent-renewal-request'");
        assertThat(requests).isEqualTo(MEMBERS);
        figure("renewal requests queued (" + requests + " mails, " + jobs + " jobs)", renewal, "s");
        ClockUtil.reset();
        jdbc.update("DELETE FROM outbox_message WHERE template = 'consent-renewal-request'");

        // 3. A newsletter to everyone.
        start = System.nanoTime();
        HttpResponse<String> sent = browser.postJson("/api/newsletters", """
                {"subject":"Bench news","text":"What happened in the community this month.\\nSecond paragraph."}""", "peter");
        double accepted = seconds(start);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.body()).contains("\"recipients\":" + MEMBERS);
        jobs = runAllJobs();
        double newsletter = seconds(start);
        long queued = count("SELECT COUNT(*) FROM outbox_message WHERE template = 'consent-newsletter'");
        assertThat(queued).isEqualTo(MEMBERS);
        figure("newsletter: POST answered (recipients fixed)", accepted, "s");
        figure("newsletter queued (" + queued + " mails, " + jobs + " jobs)", newsletter, "s");
        figure("member links issued (renew, preferences, unsubscribe, invite)", count("SELECT COUNT(*) FROM member_link"), "");

        System.out.printf("%nBENCH members=%d cores=%d%n", MEMBERS, Runtime.getRuntime().availableProcessors());
        figures.forEach(line -> System.out.println("BENCH " + line));
        System.out.println();
    }

    /** The alternative: one process instance per consent, each waiting on its own timer. */
    private void perConsentComparison(Instant expiresAt) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("BenchOneProcessPerConsent").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("TimerEvent_RenewalRequestDue").timerWithDate("${due}")
                .serviceTask("Task_SendRenewalRequest").camundaExpression("${true}").endEvent().done();
        Deployment deployment = repositoryService.createDeployment().addModelInstance("bench-per-consent.bpmn", model).deploy();
        try {
            Date due = Date.from(expiresAt.minus(Duration.ofDays(30)));
            long start = System.nanoTime();
            for (int i = 0; i < PER_CONSENT; i += 500) {
                int from = i;
                transaction.executeWithoutResult(s -> {
                    for (int j = from; j < Math.min(from + 500, PER_CONSENT); j++) {
                        runtimeService.startProcessInstanceByKey("BenchOneProcessPerConsent", "consent-" + j, Map.of("due", due));
                    }
                });
            }
            double started = seconds(start);
            figure("per consent (" + PER_CONSENT + "): instances started", started, "s");
            String ofModel = " JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ WHERE d.key_ = 'BenchOneProcessPerConsent'";
            figure("per consent (" + PER_CONSENT + "): timer jobs waiting",
                    count("SELECT COUNT(*) FROM act_ru_job WHERE process_def_key_ = 'BenchOneProcessPerConsent'"), "");
            figure("per consent (" + PER_CONSENT + "): executions", count("SELECT COUNT(*) FROM act_ru_execution e" + ofModel), "");
            figure("per consent (" + PER_CONSENT + "): variables", count("SELECT COUNT(*) FROM act_ru_variable v "
                    + "JOIN act_ru_execution e ON e.id_ = v.execution_id_" + ofModel), "");
            figure("all jobs in the engine while both wait", count("SELECT COUNT(*) FROM act_ru_job"), "");
            figure("per consent (" + PER_CONSENT + "): acquisition-like query (ms per query)", acquisitionMillis(), "ms");
            ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(60)));
            start = System.nanoTime();
            List<Job> timers = managementService.createJobQuery().processDefinitionKey("BenchOneProcessPerConsent").executable().list();
            timers.forEach(job -> managementService.executeJob(job.getId()));
            double fired = seconds(start);
            figure("per consent (" + PER_CONSENT + "): due timers fired, empty step each", fired, "s");
            figure("per consent: extrapolated to " + MEMBERS + ": start + fire", (started + fired) * MEMBERS / PER_CONSENT, "s");
            ClockUtil.reset();
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    /** Roughly what the job executor asks every few seconds: a few due, unlocked jobs. */
    private double acquisitionMillis() {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            jdbc.queryForList("SELECT id_ FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= ?) "
                    + "AND (lock_owner_ IS NULL OR lock_exp_time_ < ?) AND suspension_state_ = 1 LIMIT 3", String.class, now, now);
        }
        return (System.nanoTime() - start) / 50 / 1_000_000.0;
    }

    private void insertMembers() {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            rows.add(new Object[] {"member" + i + "@bench.example", "Member " + i, now});
            if (rows.size() == 5000 || i == MEMBERS - 1) {
                jdbc.batchUpdate("INSERT INTO data_subject (email, display_name, created_at, version) VALUES (?, ?, ?, 0)", rows);
                rows.clear();
            }
        }
        jdbc.update("""
                INSERT INTO member (subject_id, status, organisation_id, essential_communications, joined_at, version)
                SELECT id, 'ACTIVE', NULL, TRUE, ?, 0 FROM data_subject WHERE email LIKE '%@bench.example' ORDER BY id""", now);
    }

    /** Like the job executor: runs due jobs until none is left; returns how many ran. */
    private int runAllJobs() {
        int ran = 0;
        while (true) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return ran;
            }
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private void figure(String what, double value, String unit) {
        figures.add(String.format("%-75s %10.1f %s", what, value, unit));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
