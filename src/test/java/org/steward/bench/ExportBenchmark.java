package org.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steward.consent.Channel;
import org.steward.consent.ConsentLedger;
import org.steward.consent.Purpose;
import org.steward.consent.Purposes;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.privacy.requests.RequestActions;
import org.steward.support.IntegrationTest;

/**
 * The export of an ACCESS or PORTABILITY request (DSR-9) at scale, run on demand (see bench/README.md): one
 * member among N (default 1,000,000 on MariaDB/MySQL when -Dsteward.it.jdbc-url names one, else 100,000 on
 * in-memory H2) with 1,000 mails sent to them, 50 references they gave and a consent ledger of 25 choices
 * per purpose. Times {@link RequestActions#buildExport}, what the process's Build export step calls (every place of the register read, the JSON and HTML
 * written and stored) over several runs and reports the sizes. Target: under 2 s.
 */
@Tag("bench")
class ExportBenchmark extends IntegrationTest {

    private static final boolean REAL_DATABASE = !System.getProperty("steward.it.jdbc-url", "").isBlank();
    private static final int MEMBERS = Integer.getInteger("bench.members", REAL_DATABASE ? 1_000_000 : 100_000);
    private static final int MAILS = 1_000;
    private static final int REFERENCES = 50;
    private static final int CHOICES_PER_PURPOSE = 25;
    private static final int RUNS = 5;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (REAL_DATABASE) {
            registry.add("spring.datasource.url", () -> System.getProperty("steward.it.jdbc-url"));
            registry.add("spring.datasource.username", () -> System.getProperty("steward.it.jdbc-user", "root"));
            registry.add("spring.datasource.password", () -> System.getProperty("steward.it.jdbc-password", ""));
        }
    }

    @Autowired
    private RequestActions requests;
    @Autowired
    private ConsentLedger ledger;
    @Autowired
    private Purposes purposes;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void exportOfOneBusyMemberAmongMany() {
        Map<String, Duration> setup = new LinkedHashMap<>();
        long start = System.nanoTime();
        BenchPopulation.numbers(jdbc, MEMBERS);
        BenchPopulation.members(jdbc, MEMBERS);
        setup.put(MEMBERS + " members (subject, profile, member, application, reference, 2 mails)", since(start));

        start = System.nanoTime();
        long subjectId = jdbc.queryForObject("SELECT id FROM data_subject WHERE email = 'bench0@bench.example'", Long.class);
        long memberId = jdbc.queryForObject("SELECT id FROM member WHERE subject_id = ?", Long.class, subjectId);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO outbox_message (idempotency_key, subject_ref, template, recipient, recipient_subject_id, subject,
                                            html_body, text_body, status, attempts, next_attempt_at, created_at, sent_at)
                SELECT CONCAT('bench-busy-', n), CONCAT('member:', ?), 'newsletter', 'bench0@bench.example', ?,
                       CONCAT('Community news, issue ', n), '', '', 'SENT', 1, ?, ?, ? FROM bench_number WHERE n < ?""",
                memberId, subjectId, now, now, now, MAILS);
        // References the member gave: on other members' applications, answered in full, not yet reduced.
        jdbc.update("""
                INSERT INTO reference_check (application_id, status, referee_subject_id, relationship, recommendation,
                                             known_for_years, comments, requested_at, responded_at, version)
                SELECT a.id, 'RECEIVED', ?, 'Colleague', 'RECOMMEND', 3, 'Reliable, generous with their time, and honest.', ?, ?, 0
                FROM application a WHERE a.subject_id <> ? ORDER BY a.id LIMIT ?""", subjectId, now, now, subjectId, REFERENCES);
        List<Purpose> all = purposes.all();
        for (int round = 0; round < CHOICES_PER_PURPOSE; round++) {
            Map<String, Boolean> choices = new LinkedHashMap<>();
            for (Purpose purpose : all) {
                choices.put(purpose.code(), round % 2 == 0);
            }
            int at = round;
            transaction.executeWithoutResult(status -> ledger.choose(memberId, choices, Channel.PREFERENCES_LINK, "bench round " + at, "bench"));
        }
        setup.put("the busy member's " + MAILS + " mails, " + REFERENCES + " references, " + CHOICES_PER_PURPOSE
                + " choices per purpose", since(start));

        List<Duration> runs = new ArrayList<>();
        String json = null;
        String html = null;
        for (int run = 0; run <= RUNS; run++) { // run 0 warms the JVM and the database's plans up
            long requestId = accessRequest(subjectId, now);
            start = System.nanoTime();
            long exportId = requests.buildExport(requestId);
            Duration took = since(start);
            if (run > 0) {
                runs.add(took);
            }
            json = jdbc.queryForObject("SELECT json_content FROM privacy_export WHERE id = ?", String.class, exportId);
            html = jdbc.queryForObject("SELECT html_content FROM privacy_export WHERE id = ?", String.class, exportId);
        }
        // The export really holds what the benchmark put there, or the figures mean nothing.
        assertThat(json).contains("Community news, issue 999", "Reliable, generous with their time");
        assertThat(html).contains("Community news, issue 999");
        long ledgerRows = jdbc.queryForObject("SELECT COUNT(*) FROM consent_entry WHERE member_id = ?", Long.class, memberId);
        assertThat(ledgerRows).isGreaterThanOrEqualTo((long) CHOICES_PER_PURPOSE);

        List<Duration> sorted = runs.stream().sorted().toList();
        System.out.printf("%nBENCH members=%d database=%s cores=%d%n", MEMBERS, REAL_DATABASE ? "MariaDB/MySQL" : "H2 in memory",
                Runtime.getRuntime().availableProcessors());
        setup.forEach((what, took) -> System.out.printf("BENCH setup  %-80s %8.1f s%n", what, seconds(took)));
        System.out.printf("BENCH consent ledger rows of the member: %d%n", ledgerRows);
        System.out.printf("BENCH export build, %d runs: %s s (median %.3f s, max %.3f s)%n", RUNS,
                String.join(" / ", runs.stream().map(d -> String.format(Locale.ROOT, "%.3f", seconds(d))).toList()),
                seconds(sorted.get(sorted.size() / 2)), seconds(sorted.get(sorted.size() - 1)));
        System.out.printf("BENCH export size: JSON %d kB, HTML %d kB%n%n", json.getBytes(StandardCharsets.UTF_8).length / 1024,
                html.getBytes(StandardCharsets.UTF_8).length / 1024);
    }

    /** A verified ACCESS request of the member, as the intake leaves it (an export is built once per request). */
    private long accessRequest(long subjectId, Timestamp now) {
        jdbc.update("""
                INSERT INTO privacy_request (request_type, status, subject_id, received_at, verified_at, due_at)
                VALUES ('ACCESS', 'IN_REVIEW', ?, ?, ?, ?)""", subjectId, now, now, now);
        return jdbc.queryForObject("SELECT MAX(id) FROM privacy_request WHERE subject_id = ?", Long.class, subjectId);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
