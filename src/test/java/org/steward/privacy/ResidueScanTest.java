package org.steward.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.privacy.ResidueScan.Residue;
import org.steward.support.IntegrationTest;

/** DSR-7's completeness check finds identifiers in any text or binary column of any table, ours or Camunda's. */
class ResidueScanTest extends IntegrationTest {

    @Autowired
    ResidueScan scan;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropProbe() {
        jdbc.execute("DROP TABLE IF EXISTS residue_probe");
    }

    @Test
    void findsTextAndBinaryResidue_inOurTablesAndCamundas_caseInsensitively_namingOnlyTheColumn() {
        String email = uniqueEmail("Residue.Person");
        jdbc.execute("CREATE TABLE residue_probe (id INT PRIMARY KEY, note VARCHAR(200), data BLOB)");
        jdbc.update("INSERT INTO residue_probe VALUES (1, ?, ?)", "mail " + email.toUpperCase(), "clean".getBytes(StandardCharsets.UTF_8));
        jdbc.update("INSERT INTO residue_probe VALUES (2, 'clean', ?)", ("xx" + email + "yy").getBytes(StandardCharsets.UTF_8));
        org.camunda.bpm.engine.task.Task probe = taskService.newTask();
        taskService.saveTask(probe);
        taskService.createComment(probe.getId(), null, "Called " + email + " about it");

        List<Residue> found = scan.find(List.of(email), Set.of());
        assertThat(found).extracting(r -> r.table().toLowerCase() + "." + r.column().toLowerCase())
                .contains("residue_probe.note", "residue_probe.data", "act_hi_comment.message_");
        assertThat(found.toString()).doesNotContain(email);

        assertThat(scan.find(List.of(email), Set.of("residue_probe", "ACT_HI_COMMENT"))).isEmpty();
        assertThat(scan.find(List.of(uniqueEmail("nobody")), Set.of())).isEmpty();
        taskService.deleteTask(probe.getId(), true);
        assertThat(scan.find(List.of(email), Set.of("residue_probe"))).isEmpty();
    }

    @Test
    void likeWildcardsInAnIdentifierAreTakenLiterally() {
        jdbc.execute("CREATE TABLE residue_probe (id INT PRIMARY KEY, note VARCHAR(200), data BLOB)");
        jdbc.update("INSERT INTO residue_probe VALUES (1, 'abXcd', NULL)");
        assertThat(scan.find(List.of("ab_cd"), Set.of())).isEmpty();
        assertThat(scan.find(List.of("ab%cd"), Set.of())).isEmpty();
    }

    @Test
    void tablesScannedAtOnceReportTheSameColumnsInTheSameOrderAsOneAtATime() throws SQLException {
        String email = uniqueEmail("Parallel.Person");
        jdbc.execute("CREATE TABLE residue_probe (id INT PRIMARY KEY, note VARCHAR(200), data BLOB, other VARCHAR(200))");
        jdbc.update("INSERT INTO residue_probe VALUES (1, ?, ?, ?)", email, email.getBytes(StandardCharsets.UTF_8), email);

        List<Residue> oneAtATime = new ResidueScan(jdbc, dataSource, 1).find(List.of(email), Set.of());
        List<Residue> atOnce = new ResidueScan(jdbc, dataSource, 4).find(List.of(email), Set.of());
        assertThat(oneAtATime).extracting(r -> r.table().toLowerCase() + "." + r.column().toLowerCase())
                .containsExactly("residue_probe.note", "residue_probe.data", "residue_probe.other");
        assertThat(atOnce).isEqualTo(oneAtATime);
    }
}
