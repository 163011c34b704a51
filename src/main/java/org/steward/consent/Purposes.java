package org.steward.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.system.InvalidInputException;

/** The purposes members may consent to (CON-1), four from the start and more from policy changes (CON-6). */
@Service
public class Purposes {

    private final NamedParameterJdbcTemplate jdbc;

    Purposes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Purpose> all() {
        return jdbc.query("SELECT code, label, description, introduced_by_policy_id FROM consent_purpose ORDER BY sort_order, code",
                Map.of(), (rs, i) -> new Purpose(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class)));
    }

    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return code != null && all().stream().anyMatch(p -> p.code().equals(code));
    }

    /** The purpose named {@code code}, or a 400 that names the field and the purposes there are. */
    @Transactional(readOnly = true)
    public Purpose require(String field, String code) {
        List<Purpose> all = all();
        return all.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInputException(Map.of(field, "is not a purpose; choose one of "
                        + String.join(", ", all.stream().map(Purpose::code).toList()))));
    }

    /** CON-6: a purpose a new policy version adds; nobody consents to it until they opt in. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(String code, long policyId, String policyVersion, Instant now) {
        if (exists(code)) {
            return; // a retried step
        }
        Integer last = jdbc.queryForObject("SELECT COALESCE(MAX(sort_order), 0) FROM consent_purpose", Map.of(), Integer.class);
        jdbc.update("""
                INSERT INTO consent_purpose (code, label, description, introduced_by_policy_id, sort_order, created_at)
                VALUES (:code, :label, :description, :policy, :order, :now)""",
                new MapSqlParameterSource("code", code).addValue("label", label(code))
                        .addValue("description", "A new purpose introduced by policy version " + policyVersion
                                + "; our policy notice explains it. We use your data for it only if you opt in.")
                        .addValue("policy", policyId).addValue("order", (last == null ? 0 : last) + 1)
                        .addValue("now", Timestamp.from(now)));
    }

    /** RESEARCH_PARTNERS → "Research partners". */
    static String label(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
