package org.steward.consent;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.system.NotFoundException;
import org.steward.tasks.CaseKey;

/**
 * The days on which consents expire (CON-3). Each day with consents has one ConsentRenewalProcess
 * (business key {@code consent-<day id>}) whose three timers serve every consent of that day: so
 * 100,000 consents expiring on one day wait on one timer, not 100,000.
 */
@Component
class ExpiryDays {

    record ExpiryDay(long id, LocalDate day, String status) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final EngineClock clock;

    ExpiryDays(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, EngineClock clock) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * A consent now expires on {@code day}: makes sure that day has its renewal process, starting it
     * in the caller's transaction when the day is new (or was closed). Two transactions joining a new
     * day at once create it once: the unique day decides, and the loser finds the winner's row.
     */
    void join(LocalDate day) {
        ExpiryDay existing = find(day);
        if (existing != null && "OPEN".equals(existing.status())) {
            return;
        }
        long id;
        if (existing == null) {
            try {
                jdbc.update("INSERT INTO consent_expiry_day (expiry_day, status, created_at) VALUES (:day, 'OPEN', :now)",
                        new MapSqlParameterSource("day", Date.valueOf(day)).addValue("now", Timestamp.from(clock.now())));
            } catch (DuplicateKeyException anotherTransactionCreatedIt) {
                return;
            }
            id = find(day).id();
        } else {
            int reopened = jdbc.update("UPDATE consent_expiry_day SET status = 'OPEN', closed_at = NULL WHERE id = :id AND status = 'CLOSED'",
                    new MapSqlParameterSource("id", existing.id()));
            if (reopened == 0) {
                return;
            }
            id = existing.id();
        }
        runtimeService.startProcessInstanceByKey(ConsentProcesses.RENEWAL_KEY, CaseKey.of(ConsentProcesses.RENEWAL_CASE, id));
    }

    ExpiryDay get(long id) {
        List<ExpiryDay> days = jdbc.query("SELECT id, expiry_day, status FROM consent_expiry_day WHERE id = :id",
                new MapSqlParameterSource("id", id), (rs, i) -> new ExpiryDay(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3)));
        if (days.isEmpty()) {
            throw new NotFoundException("No consent expiry day " + id);
        }
        return days.get(0);
    }

    void close(long id) {
        jdbc.update("UPDATE consent_expiry_day SET status = 'CLOSED', closed_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.now())));
    }

    private ExpiryDay find(LocalDate day) {
        List<ExpiryDay> days = jdbc.query("SELECT id, expiry_day, status FROM consent_expiry_day WHERE expiry_day = :day",
                new MapSqlParameterSource("day", Date.valueOf(day)),
                (rs, i) -> new ExpiryDay(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3)));
        return days.isEmpty() ? null : days.get(0);
    }
}
