package org.steward.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Bulk test data for the benchmarks, written with INSERT … SELECT so a million rows take seconds, not hours. */
final class BenchPopulation {

    private BenchPopulation() {
    }

    /** bench_number: 0 .. count-1, from a ten-row digit table crossed with itself. */
    static void numbers(JdbcTemplate jdbc, int count) {
        jdbc.execute("DROP TABLE IF EXISTS bench_number");
        jdbc.execute("DROP TABLE IF EXISTS bench_digit");
        jdbc.execute("CREATE TABLE bench_digit (d INT PRIMARY KEY)");
        jdbc.execute("CREATE TABLE bench_number (n INT PRIMARY KEY)");
        for (int d = 0; d < 10; d++) {
            jdbc.update("INSERT INTO bench_digit VALUES (?)", d);
        }
        int digits = String.valueOf(Math.max(count - 1, 1)).length();
        StringBuilder value = new StringBuilder("d0.d");
        StringBuilder from = new StringBuilder("bench_digit d0");
        long factor = 10;
        for (int i = 1; i < digits; i++, factor *= 10) {
            value.append(" + ").append(factor).append(" * d").append(i).append(".d");
            from.append(", bench_digit d").append(i);
        }
        jdbc.update("INSERT INTO bench_number (n) SELECT " + value + " FROM " + from + " WHERE " + value + " < ?", count);
    }

    /**
     * Members bench0..bench(count-1)@bench.example, each with a profile, an approved application with a
     * reduced reference and two sent mails (welcome, approval): the crowd a benchmark's one member hides in.
     */
    static void members(JdbcTemplate jdbc, int count) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO data_subject (email, display_name, created_at, version)
                SELECT CONCAT('bench', n, '@bench.example'), CONCAT('Bench Member ', LPAD(n, 7, '0')), ?, 0 FROM bench_number WHERE n < ? ORDER BY n""",
                now, count);
        String benchSubjects = "SELECT id FROM data_subject WHERE email LIKE 'bench%@bench.example'";
        jdbc.update("""
                INSERT INTO member_profile (subject_id, kind, phone, postal_code, city, industry, expertise, languages, updated_at, version)
                SELECT id, 'MENTOR', CONCAT('+49 30 9', LPAD(id, 8, '0')), '10115', 'Berlin', 'Software', 'Scaling teams', 'English', ?, 0
                FROM data_subject WHERE id IN (""" + benchSubjects + ")", now);
        jdbc.update("""
                INSERT INTO member (subject_id, status, essential_communications, joined_at, version)
                SELECT id, 'ACTIVE', TRUE, ?, 0 FROM data_subject WHERE id IN (""" + benchSubjects + ")", now);
        jdbc.update("""
                INSERT INTO application (status, subject_id, decision, decided_by, decided_at, member_id, submitted_at, version)
                SELECT 'APPROVED', m.subject_id, 'APPROVE', 'peter', ?, m.id, ?, 0 FROM member m
                WHERE m.subject_id IN (""" + benchSubjects + ")", now, now);
        jdbc.update("""
                INSERT INTO reference_check (application_id, status, recommendation, requested_at, responded_at, reduced_at, version)
                SELECT a.id, 'RECEIVED', 'RECOMMEND', ?, ?, ?, 0 FROM application a
                WHERE a.subject_id IN (""" + benchSubjects + ")", now, now, now);
        for (String[] mail : List.of(new String[] {"member-welcome", "Welcome to the community", "member:"},
                new String[] {"application-approved", "Your application has been approved", "application:"})) {
            jdbc.update("""
                    INSERT INTO outbox_message (idempotency_key, subject_ref, template, recipient, recipient_subject_id, subject,
                                                html_body, text_body, status, attempts, next_attempt_at, created_at, sent_at)
                    SELECT CONCAT('bench-', ?, '-', a.id), CONCAT(?, CASE WHEN ? = 'member:' THEN a.member_id ELSE a.id END), ?,
                           s.email, s.id, ?, '', '', 'SENT', 1, ?, ?, ?
                    FROM application a JOIN data_subject s ON s.id = a.subject_id WHERE s.email LIKE 'bench%@bench.example'""",
                    mail[0], mail[2], mail[2], mail[0], mail[1], now, now, now);
        }
    }
}
