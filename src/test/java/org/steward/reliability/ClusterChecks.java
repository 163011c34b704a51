package org.steward.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.steward.support.PrivateMariaDb;

/** What the database says after a fault: every flow ended, and no step, job or mail happened twice. */
final class ClusterChecks {

    private final PrivateMariaDb db;

    ClusterChecks(PrivateMariaDb db) {
        this.db = db;
    }

    void assertEveryApplicationApprovedOnce(int applications) throws SQLException {
        assertThat(number("SELECT COUNT(*) FROM application WHERE status = 'APPROVED'")).isEqualTo(applications);
        assertThat(number("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'ApplicationApprovalProcess'"))
                .isEqualTo(applications);
        assertThat(number("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'ApplicationApprovalProcess' AND END_TIME_ IS NULL"))
                .as("application processes still running").isZero();
        // No step ran twice: each activity of an application's (loop-free, one-referee) path once per instance.
        assertThat(rows("""
                SELECT CONCAT(a.PROC_INST_ID_, ' ', a.ACT_ID_, ' x', COUNT(*)) FROM ACT_HI_ACTINST a
                JOIN ACT_HI_PROCINST p ON p.ID_ = a.PROC_INST_ID_ AND p.PROC_DEF_KEY_ = 'ApplicationApprovalProcess'
                GROUP BY a.PROC_INST_ID_, a.ACT_ID_ HAVING COUNT(*) > 1""")).as("activities that ran twice").isEmpty();
        assertThat(number("SELECT COUNT(*) FROM outbox_message WHERE template = 'application-approved'")).isEqualTo(applications);
        assertJobsRanOnce();
        assertOutboxDrained();
    }

    /**
     * Every job succeeded at most once (ACT_HI_JOB_LOG, state 2 = successful), and none became an incident. The
     * engine's history cleanup job is the exception by design: inside its batch window (01:00-05:00, RET-2) it is one
     * job that reschedules itself, so it succeeds again and again under the same id.
     */
    void assertJobsRanOnce() throws SQLException {
        assertThat(rows("""
                SELECT CONCAT(JOB_ID_, ' ', COALESCE(ACT_ID_, ''), ' ', COALESCE(JOB_DEF_TYPE_, ''), ' x', COUNT(*))
                FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND COALESCE(JOB_DEF_TYPE_, '') <> 'history-cleanup'
                GROUP BY JOB_ID_, ACT_ID_, JOB_DEF_TYPE_ HAVING COUNT(*) > 1""")).as("jobs that succeeded twice").isEmpty();
        assertThat(rows("SELECT CONCAT(ACTIVITY_ID_, ': ', COALESCE(INCIDENT_MSG_, '')) FROM ACT_RU_INCIDENT")).as("incidents").isEmpty();
    }

    void assertOutboxDrained() throws SQLException {
        assertThat(rows("SELECT CONCAT(status, ' ', template) FROM outbox_message WHERE status NOT IN ('SENT', 'CANCELLED')"))
                .as("mail not sent").isEmpty();
    }

    /** What is left undone, for the failure message. */
    String diagnosis() {
        try {
            return "applications not approved: " + rows("SELECT CONCAT(id, ' ', status) FROM application WHERE status <> 'APPROVED'")
                    + "\njobs: " + rows("SELECT CONCAT(COALESCE(ACT_ID_, ''), ' ', TYPE_, ' retries=', RETRIES_, ' owner=', COALESCE(LOCK_OWNER_, '-'), ' due=', COALESCE(DUEDATE_, '-'), ' ', COALESCE(EXCEPTION_MSG_, '')) FROM ACT_RU_JOB")
                    + "\nincidents: " + rows("SELECT CONCAT(ACTIVITY_ID_, ': ', COALESCE(INCIDENT_MSG_, '')) FROM ACT_RU_INCIDENT")
                    + "\noutbox not sent: " + rows("SELECT CONCAT(id, ' ', status, ' ', template, ' attempts=', attempts, ' claimed_until=', COALESCE(claimed_until, '-'), ' ', COALESCE(last_error, '')) FROM outbox_message WHERE status <> 'SENT'")
                    + "\nopen tasks: " + rows("SELECT CONCAT(TASK_DEF_KEY_, ' ', NAME_) FROM ACT_RU_TASK");
        } catch (SQLException e) {
            return "no diagnosis: " + e;
        }
    }

    long number(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
