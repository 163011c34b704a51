package org.steward.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For tests that write members straight into the members' tables (no ProfileRecorded or MemberAdmitted event fills
 * matching's copy of the scoring inputs): runs the V21 migration's own backfill statements, the same SQL that filled
 * the copy for every existing member when the migration ran.
 */
public final class ScoringInputsBackfill {

    private static final String MIGRATION = "/db/migration/V21__match_profile_scoring_inputs.sql";

    private ScoringInputsBackfill() {
    }

    public static void run(JdbcTemplate jdbc) {
        String migration;
        try (InputStream in = ScoringInputsBackfill.class.getResourceAsStream(MIGRATION)) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> backfill = Arrays.stream(migration.replaceAll("(?m)^--.*$", "").split(";")).map(String::trim)
                .filter(statement -> statement.startsWith("UPDATE match_profile")).toList();
        if (backfill.size() != 2) {
            throw new IllegalStateException("Expected the two backfill statements in " + MIGRATION + ", found " + backfill.size());
        }
        backfill.forEach(jdbc::update);
    }
}
