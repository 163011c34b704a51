package org.steward.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.steward.support.IntegrationTest;

/** What the privacy journeys share: admitting a member the real way, running one instance's jobs, the independent scan. */
public abstract class PrivacyJourney extends IntegrationTest {

    @AfterEach
    void engineClockBackToNow() {
        ClockUtil.reset();
    }

    /**
     * A member admitted through the real application flow: apply with one referee, the referee answers,
     * program staff approve. Returns the member id.
     */
    protected long admitThroughApplication(String name, String email) {
        String referee = uniqueEmail("referee");
        long applicationId = submitApplication(name, email, referee);

        String referenceLink = link(deliverMailTo(referee).get(0), "/links/reference/");
        browser.get(referenceLink);
        assertThat(browser.postForm(referenceLink, Map.of("recommendation", "RECOMMEND", "knownForYears", "4",
                "comments", "Kind and reliable.")).statusCode()).isEqualTo(200);
        runDueJobs();

        Task review = taskService.createTaskQuery().processInstanceBusinessKey("application-" + applicationId).singleResult();
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        return jdbc.queryForObject("SELECT member_id FROM application WHERE id = ?", Long.class, applicationId);
    }

    /** Applies through the public API naming one referee, confirms the applicant's address and lets the reference request go out. Returns the application id. */
    protected long submitApplication(String name, String email, String referee) {
        HttpResponse<String> submitted = browser.postJson("/api/applications", """
                {"kind":"MENTOR","name":"%s","email":"%s","birthYear":1985,"postalCode":"10115",
                 "industry":"Software","expertise":"Scaling engineering teams","languages":["English"],
                 "referees":[{"name":"Referee of %s","email":"%s","relationship":"Former colleague"}]}"""
                .formatted(name, email, name, referee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        confirmAddress(email); // issue 7 finding 6: the referee hears of it only after this
        return idFrom(submitted.body());
    }

    protected String status(long memberId) {
        return jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, memberId);
    }

    /** The status of the erasure that the end of this member's retention period started (RUNNING, VERIFIED, RESIDUE_FOUND). */
    protected String retentionErasureOf(long memberId) {
        return jdbc.queryForObject("SELECT status FROM erasure_request WHERE member_id = ? AND kind = 'RETENTION'",
                String.class, memberId);
    }

    protected long subjectOf(long memberId) {
        return jdbc.queryForObject("SELECT subject_id FROM member WHERE id = ?", Long.class, memberId);
    }

    protected static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs this process instance's due jobs only: moving the engine clock must not run other tests' timers. */
    protected void runJobsOf(String processInstanceId) {
        for (int i = 0; i < 50; i++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable()
                    .orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            managementService.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep appearing");
    }

    private static final Set<String> TEXT = Set.of("char", "varchar", "text", "tinytext", "mediumtext", "longtext", "clob",
            "character", "character varying", "character large object", "nchar", "nvarchar");
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "blob", "tinyblob", "mediumblob", "longblob",
            "binary varying", "binary large object");

    /**
     * Written here, not with the service's own ResidueScan: every text and binary column of every table of the
     * schema (ours and Camunda's), searched case-insensitively; the tables and columns holding {@code needle}.
     */
    protected List<String> columnsHolding(String needle) throws SQLException {
        boolean h2;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        }
        List<Map<String, Object>> columns = jdbc.queryForList(
                "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = SCHEMA()");
        assertThat(columns).as("columns of the schema").hasSizeGreaterThan(100);
        assertThat(columns).extracting(c -> String.valueOf(c.get("table_name")).toLowerCase(Locale.ROOT))
                .contains("act_hi_varinst", "act_ge_bytearray", "data_subject", "outbox_message");
        List<String> hits = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = String.valueOf(column.get("table_name"));
            String name = String.valueOf(column.get("column_name"));
            String type = String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT);
            String q = h2 ? "\"" : "`";
            String value;
            if (TEXT.contains(type)) {
                value = "LOWER(" + q + name + q + ")";
            } else if (BINARY.contains(type)) {
                value = h2 ? "LOWER(UTF8TOSTRING(" + q + name + q + "))" : "LOWER(CONVERT(" + q + name + q + " USING utf8mb4))";
            } else {
                continue;
            }
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + q + table + q + " WHERE " + value + " LIKE ?", Long.class,
                    "%" + needle.toLowerCase(Locale.ROOT) + "%");
            if (count != null && count > 0) {
                hits.add(table.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT));
            }
        }
        return hits;
    }
}
