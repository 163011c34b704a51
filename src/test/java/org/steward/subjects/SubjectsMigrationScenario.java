package org.steward.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * V3__subjects.sql on data stored the V2 way (issue 15): every person named in the old rows becomes
 * one data subject, each profile is kept once, and every row that named a person now points at them.
 * No Spring context: Flyway on an empty database, the sample rows, then V3.
 */
abstract class SubjectsMigrationScenario {

    /** An empty database the test may fill. */
    protected abstract DataSource emptyDatabase();

    @Test
    void v3_movesPeopleIntoDataSubjects_keepsOneProfileEach_andRepointsEveryRow() throws Exception {
        DataSource database = emptyDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("2").load().migrate();
        try (var connection = database.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/v2-sample-data.sql"));
        }
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);

        // One subject per address, named as they named themselves (member, latest application), referees as named.
        assertThat(jdbc.queryForList("SELECT email, display_name FROM data_subject ORDER BY email"))
                .extracting(r -> r.get("email"), r -> r.get("display_name"))
                .containsExactly(tuple("ama@example.org", "Ama Owusu"), tuple("ana@example.org", "Ana Lima"),
                        tuple("iso@acme.example", "Ines Officer"), tuple("kofi@example.org", "Kofi Mensah"));
        long ana = subject(jdbc, "ana@example.org");
        long kofi = subject(jdbc, "kofi@example.org");
        long ama = subject(jdbc, "ama@example.org");
        long iso = subject(jdbc, "iso@acme.example");

        // The member's profile, and the latest application's for an applicant who is not (yet) a member.
        assertThat(jdbc.queryForList("SELECT subject_id, kind, industry, languages FROM member_profile ORDER BY subject_id"))
                .extracting(r -> ((Number) r.get("subject_id")).longValue(), r -> r.get("kind"), r -> r.get("industry"),
                        r -> r.get("languages"))
                .containsExactlyInAnyOrder(tuple(ana, "MENTOR", "Software", "English"),
                        tuple(kofi, "ENTREPRENEUR", "Agriculture", "English, Twi"));
        assertThat(jdbc.queryForObject("SELECT subject_id FROM member WHERE id = 1", Long.class)).isEqualTo(ana);
        assertThat(jdbc.queryForList("SELECT id, subject_id, pending_subject_id FROM application ORDER BY id"))
                .extracting(r -> ((Number) r.get("subject_id")).longValue(), r -> r.get("pending_subject_id"))
                .containsExactly(tuple(ana, null), tuple(kofi, null), tuple(kofi, kofi));
        // A reduced reference stays without a referee; a member who is a referee is the same subject.
        assertThat(jdbc.queryForList("SELECT referee_subject_id FROM reference_check ORDER BY id", Long.class))
                .containsExactly(null, ama, ana);
        assertThat(jdbc.queryForList("SELECT recipient_subject_id FROM outbox_message ORDER BY id", Long.class))
                .containsExactly(ama, iso);
        // Security officers are staff, not data subjects.
        assertThat(jdbc.queryForList("SELECT recipient_subject_id FROM incident_notice ORDER BY id", Long.class))
                .containsExactly(iso, null);
        // APP-7 still holds: one pending application per person.
        assertThat(jdbc.update("UPDATE application SET pending_subject_id = NULL WHERE id = 3")).isEqualTo(1);
        assertThat(jdbc.update("UPDATE application SET pending_subject_id = ? WHERE id = 2", kofi)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update("UPDATE application SET pending_subject_id = ? WHERE id = 3", kofi))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static long subject(JdbcTemplate jdbc, String email) {
        return jdbc.queryForObject("SELECT id FROM data_subject WHERE email = ?", Long.class, email);
    }
}
