package org.steward.consent;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Which policy version a consent is given under (CON-1): the one in force, or the one that introduced its purpose. */
@Component
class PolicyRegister {

    private final NamedParameterJdbcTemplate jdbc;

    PolicyRegister(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String versionInForce(LocalDate today) {
        List<String> versions = jdbc.queryForList("""
                SELECT version FROM policy_version WHERE effective_date <= :today ORDER BY effective_date DESC, id DESC LIMIT 1""",
                new MapSqlParameterSource("today", Date.valueOf(today)), String.class);
        return versions.isEmpty() ? "1" : versions.get(0);
    }

    /** A purpose added by a version not yet in force is consented to under that version; any other under the one in force. */
    String versionFor(String purpose, LocalDate today) {
        List<String> notYetInForce = jdbc.queryForList("""
                SELECT v.version FROM consent_purpose p JOIN policy_version v ON v.id = p.introduced_by_policy_id
                WHERE p.code = :purpose AND v.effective_date > :today""",
                new MapSqlParameterSource("purpose", purpose).addValue("today", Date.valueOf(today)), String.class);
        return notYetInForce.isEmpty() ? versionInForce(today) : notYetInForce.get(0);
    }
}
