package org.steward.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident audit trail (AUD-3): every staff action and every state change that matters for an
 * audit is appended as one row carrying the SHA-256 of its content and of the row before it, so a row
 * changed or removed afterwards breaks the chain at that point. Rows hold ids, roles and categories,
 * never names, emails or free text. Appends are serialised through one locked head row, so several
 * instances sharing a database still build one chain.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an entry in the caller's transaction: it stands or falls with the change it records.
     *
     * @param actor   a staff user id, or a role such as {@code system}, {@code applicant}, {@code referee}
     * @param action  what happened, e.g. {@code APPLICATION_DECIDED}
     * @param caseKey the case, e.g. {@code application-42}
     * @param detail  ids, categories and outcomes only (e.g. {@code decision=REJECT})
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String caseKey, String detail) {
        // The head row's lock orders the chain: one statement reads the last link and takes the lock.
        Map.Entry<String, Long> head = jdbc.queryForObject("SELECT last_hash, last_sequence FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)));
        String previous = Objects.requireNonNull(head).getKey();
        long sequence = head.getValue() + 1;
        // Whole seconds: what MySQL stores with sendFractionalSeconds=false is exactly what was hashed.
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String hash = hash(previous, sequence, at, actor, action, caseKey, detail);
        jdbc.update("INSERT INTO audit_entry (sequence_no, occurred_at, actor, action, case_key, detail, previous_hash, entry_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sequence, Timestamp.from(at), actor, action, caseKey, detail, previous, hash);
        jdbc.update("UPDATE audit_chain_head SET last_hash = ?, last_sequence = ? WHERE id = 1", hash, sequence);
    }

    /** Recomputes the chain from the first entry: intact, or the first entry whose hash or link is wrong. */
    @Transactional(readOnly = true)
    public Verification verify() {
        String[] previous = {GENESIS};
        long[] expected = {1};
        long[] count = {0};
        Long[] broken = {null};
        jdbc.query("SELECT sequence_no, occurred_at, actor, action, case_key, detail, previous_hash, entry_hash "
                + "FROM audit_entry ORDER BY sequence_no", rs -> {
            count[0]++;
            if (broken[0] != null) {
                return;
            }
            long sequence = rs.getLong("sequence_no");
            Instant at = rs.getTimestamp("occurred_at").toInstant();
            String recomputed = hash(previous[0], sequence, at, rs.getString("actor"), rs.getString("action"),
                    rs.getString("case_key"), rs.getString("detail"));
            if (sequence != expected[0] || !previous[0].equals(rs.getString("previous_hash"))
                    || !recomputed.equals(rs.getString("entry_hash"))) {
                broken[0] = sequence != expected[0] ? expected[0] : sequence; // a gap names the missing entry
                return;
            }
            previous[0] = recomputed;
            expected[0] = sequence + 1;
        });
        if (broken[0] == null) {
            Long last = jdbc.queryForObject("SELECT last_sequence FROM audit_chain_head WHERE id = 1", Long.class);
            if (last != null && last != count[0]) {
                broken[0] = expected[0]; // entries removed from the end
            }
        }
        return new Verification(broken[0] == null, count[0], broken[0]);
    }

    /** One entry as auditors read it on a case's timeline (AUD-2): ids, roles and categories only, by design of {@link #record}. */
    public record Entry(long sequence, Instant at, String actor, String action, String detail) {
    }

    /** The trail's entries about one case, oldest first. */
    @Transactional(readOnly = true)
    public java.util.List<Entry> entriesOf(String caseKey) {
        return jdbc.query("SELECT sequence_no, occurred_at, actor, action, detail FROM audit_entry WHERE case_key = ? ORDER BY sequence_no",
                (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5)),
                caseKey);
    }

    /** The result of {@link #verify}: {@code firstBrokenEntry} is the sequence number where the chain breaks. */
    public record Verification(boolean intact, long entries, Long firstBrokenEntry) {
    }

    static String hash(String previous, long sequence, Instant at, String actor, String action, String caseKey, String detail) {
        String content = String.join("\u001f", previous, Long.toString(sequence), Long.toString(at.getEpochSecond()),
                String.valueOf(actor), String.valueOf(action), String.valueOf(caseKey), String.valueOf(detail));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
