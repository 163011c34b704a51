package org.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.IntegrationTest;

/** AUD-3: the audit trail is append-only and tamper-evident; auditors can check it. */
class AuditTrailTest extends IntegrationTest {

    @Autowired
    AuditTrail trail;

    @Test
    void aChangedRow_breaksTheChainThere_andVerifyNamesIt() {
        trail.record("peter", "TEST_ACTION", "application-900", "decision=APPROVE");
        long changed = lastSequence();
        trail.record("sam", "TEST_ACTION", "incident-900", "notice=ISO");
        trail.record("system", "TEST_ACTION", "incident-900", "deadline=ISO_NOTICE met=true");
        assertThat(verifyAs("audrey")).contains("\"intact\":true");

        Map<String, Object> original = jdbc.queryForMap("SELECT detail FROM audit_entry WHERE sequence_no = ?", changed);
        jdbc.update("UPDATE audit_entry SET detail = 'decision=REJECT' WHERE sequence_no = ?", changed);
        try {
            AuditTrail.Verification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenEntry()).isEqualTo(changed);
            assertThat(verifyAs("ada")).contains("\"intact\":false", "\"firstBrokenEntry\":" + changed);
        } finally {
            jdbc.update("UPDATE audit_entry SET detail = ? WHERE sequence_no = ?", original.get("detail"), changed);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRemovedRow_breaksTheChain() {
        trail.record("peter", "TEST_ACTION", "application-901", "a");
        long removed = lastSequence();
        trail.record("peter", "TEST_ACTION", "application-901", "b");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_entry WHERE sequence_no = ?", removed);
        jdbc.update("DELETE FROM audit_entry WHERE sequence_no = ?", removed);
        try {
            assertThat(trail.verify().firstBrokenEntry()).isEqualTo(removed);
        } finally {
            jdbc.update("INSERT INTO audit_entry (sequence_no, occurred_at, actor, action, case_key, detail, previous_hash, entry_hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row.get("sequence_no"), row.get("occurred_at"), row.get("actor"),
                    row.get("action"), row.get("case_key"), row.get("detail"), row.get("previous_hash"), row.get("entry_hash"));
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void onlyAuditorsAndAdminsVerify() {
        assertThat(browser.getJson("/api/audit/verify", "audrey").statusCode()).isEqualTo(200);
        for (String other : new String[] {"peter", "sam", "priya"}) {
            assertThat(browser.getJson("/api/audit/verify", other).statusCode()).as(other).isEqualTo(403);
        }
    }

    private String verifyAs(String user) {
        HttpResponse<String> response = browser.getJson("/api/audit/verify", user);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private long lastSequence() {
        return jdbc.queryForObject("SELECT MAX(sequence_no) FROM audit_entry", Long.class);
    }
}
