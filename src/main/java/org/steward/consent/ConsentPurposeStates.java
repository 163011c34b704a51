package org.steward.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.ConsentStates;

/**
 * Consent state by purpose for the auditors' report (AUD-4), counted from the ledger with a few grouped
 * queries (never one per member): the latest row per member and purpose is the current state (CON-1).
 */
@Component
class ConsentPurposeStates implements ConsentStates {

    private final NamedParameterJdbcTemplate jdbc;
    private final Purposes purposes;

    ConsentPurposeStates(NamedParameterJdbcTemplate jdbc, Purposes purposes) {
        this.jdbc = jdbc;
        this.purposes = purposes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PurposeState> byPurpose(Instant from, Instant to, Instant now) {
        Instant expiredUntil = to.isBefore(now) ? to : now;
        Instant dueFrom = from.isAfter(now) ? from : now;
        MapSqlParameterSource p = new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
                .addValue("now", Timestamp.from(now)).addValue("expiredUntil", Timestamp.from(expiredUntil))
                .addValue("dueFrom", Timestamp.from(dueFrom));
        Map<String, Long> current = counts("SELECT e.purpose, COUNT(*) FROM consent_entry e WHERE e.granted = TRUE AND e.expires_at > :now AND "
                + ConsentLedger.IS_LATEST + " GROUP BY e.purpose", p);
        // Run out within the period and not yet swept into a LAPSED row (the sweep's own rows are counted below).
        Map<String, Long> runOut = counts("SELECT e.purpose, COUNT(*) FROM consent_entry e WHERE e.granted = TRUE"
                + " AND e.expires_at >= :from AND e.expires_at < :expiredUntil AND " + ConsentLedger.IS_LATEST + " GROUP BY e.purpose", p);
        Map<String, Long> due = counts("SELECT e.purpose, COUNT(*) FROM consent_entry e WHERE e.granted = TRUE"
                + " AND e.expires_at >= :dueFrom AND e.expires_at < :to AND " + ConsentLedger.IS_LATEST + " GROUP BY e.purpose", p);
        Map<String, Map<String, Long>> actions = new HashMap<>();
        jdbc.query("SELECT purpose, action, COUNT(*) FROM consent_entry WHERE recorded_at >= :from AND recorded_at < :to GROUP BY purpose, action",
                p, rs -> {
                    actions.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        List<PurposeState> states = new ArrayList<>();
        for (Purpose purpose : purposes.all()) {
            Map<String, Long> in = actions.getOrDefault(purpose.code(), Map.of());
            states.add(new PurposeState(purpose.code(), current.getOrDefault(purpose.code(), 0L),
                    in.getOrDefault(ConsentAction.GRANTED.name(), 0L), in.getOrDefault(ConsentAction.RENEWED.name(), 0L),
                    in.getOrDefault(ConsentAction.WITHDRAWN.name(), 0L),
                    in.getOrDefault(ConsentAction.LAPSED.name(), 0L) + runOut.getOrDefault(purpose.code(), 0L),
                    due.getOrDefault(purpose.code(), 0L)));
        }
        return states;
    }

    private Map<String, Long> counts(String sql, MapSqlParameterSource params) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, params, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
