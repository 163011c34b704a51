package org.steward.privacy.holds;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.privacy.PersonalDataRegister;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;

/**
 * The register of legal holds (DSR-4). A hold is active from when it is placed until its end date (the
 * first day it no longer holds) or until an officer releases it. Time is the engine's clock, like the
 * erasure timers that wait for a hold's end date, so both agree on when a hold has ended; dates are UTC.
 */
@Service
public class LegalHolds {

    /** DSR-4: billing and donation records are kept up to 7 years. */
    public static final int MAX_BILLING_YEARS = 7;

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataRegister register;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    LegalHolds(NamedParameterJdbcTemplate jdbc, PersonalDataRegister register, ApplicationEventPublisher events,
               AuditTrail audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Places a hold on some of the person's records. Refused, field by field and with nothing stored: an
     * unknown place, a billing or donation hold without an end date or beyond 7 years, a dispute hold with
     * an end date (it lasts until released), an end date that is not in the future.
     */
    @Transactional
    public LegalHold place(long subjectId, HoldKind kind, List<String> places, String reason, LocalDate endsOn,
                           String staffUser) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> unknown = places.stream().filter(p -> register.place(p).isEmpty()).toList();
        if (places.isEmpty()) {
            errors.put("places", "name at least one place of the register of personal data the hold covers");
        } else if (!unknown.isEmpty()) {
            errors.put("places", "not a place of the register of personal data: " + String.join(", ", unknown));
        }
        LocalDate today = today();
        if (kind == HoldKind.BILLING_OR_DONATION && endsOn == null) {
            errors.put("endsOn", "a billing or donation hold needs an end date, at most " + MAX_BILLING_YEARS + " years ahead");
        } else if (kind == HoldKind.BILLING_OR_DONATION && endsOn.isAfter(today.plusYears(MAX_BILLING_YEARS))) {
            errors.put("endsOn", "billing and donation records are kept at most " + MAX_BILLING_YEARS + " years (until "
                    + today.plusYears(MAX_BILLING_YEARS) + ")");
        } else if (kind == HoldKind.OPEN_DISPUTE && endsOn != null) {
            errors.put("endsOn", "a dispute hold has no end date: it lasts until you release it");
        } else if (endsOn != null && !endsOn.isAfter(today)) {
            errors.put("endsOn", "must be a day after today");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO legal_hold (subject_id, kind, reason, placed_by, placed_at, ends_on)
                VALUES (:subject, :kind, :reason, :by, :now, :ends)""",
                new MapSqlParameterSource("subject", subjectId).addValue("kind", kind.name()).addValue("reason", reason)
                        .addValue("by", staffUser).addValue("now", Timestamp.from(now()))
                        .addValue("ends", endsOn == null ? null : Date.valueOf(endsOn)), key, new String[] {"id"});
        long id = key.getKey().longValue();
        for (String place : new LinkedHashSet<>(places)) {
            jdbc.update("INSERT INTO legal_hold_place (hold_id, place) VALUES (:id, :place)",
                    new MapSqlParameterSource("id", id).addValue("place", place));
        }
        audit.record(staffUser, "LEGAL_HOLD_PLACED", caseKey(id), "kind=" + kind);
        return get(id);
    }

    /**
     * Releases a hold before its end date (a dispute is resolved, an obligation lapsed). Erasure hears of it
     * and erases what the hold kept. A hold already released or past its end date is refused.
     */
    @Transactional
    public LegalHold release(long id, String staffUser) {
        LegalHold hold = get(id);
        if (!hold.active()) {
            throw new InvalidInputException(Map.of("id", hold.releasedAt() != null
                    ? "this hold was already released" : "this hold already ended on " + hold.endsOn()));
        }
        jdbc.update("UPDATE legal_hold SET released_at = :now, released_by = :by WHERE id = :id AND released_at IS NULL",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now())).addValue("by", staffUser));
        audit.record(staffUser, "LEGAL_HOLD_RELEASED", caseKey(id), "kind=" + hold.kind());
        events.publishEvent(new LegalHoldReleased(id, hold.subjectId()));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Optional<LegalHold> find(long id) {
        return query("WHERE id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public LegalHold get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No legal hold " + id));
    }

    /** Every hold, newest first; only the active ones if asked. */
    @Transactional(readOnly = true)
    public List<LegalHold> list(boolean activeOnly) {
        List<LegalHold> all = query("ORDER BY id DESC", new MapSqlParameterSource());
        return activeOnly ? all.stream().filter(LegalHold::active).toList() : all;
    }

    /** The person's holds that keep records now: what erasure must leave alone. */
    @Transactional(readOnly = true)
    public List<LegalHold> activeFor(long subjectId) {
        return query("WHERE subject_id = :subject ORDER BY id", new MapSqlParameterSource("subject", subjectId)).stream()
                .filter(LegalHold::active).toList();
    }

    /** Today, by the engine's clock, in UTC: a hold ending today no longer holds. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    static String caseKey(long id) {
        return "legal-hold-" + id;
    }

    private List<LegalHold> query(String where, MapSqlParameterSource params) {
        List<LegalHold> holds = new ArrayList<>();
        LocalDate today = today();
        jdbc.query("SELECT id, subject_id, kind, placed_at, placed_by, ends_on, released_at, released_by FROM legal_hold " + where,
                params, (ResultSet rs) -> {
                    holds.add(row(rs, today));
                });
        return holds.stream().map(h -> withPlaces(h)).toList();
    }

    private LegalHold withPlaces(LegalHold h) {
        List<String> places = jdbc.queryForList("SELECT place FROM legal_hold_place WHERE hold_id = :id ORDER BY id",
                new MapSqlParameterSource("id", h.id()), String.class);
        return new LegalHold(h.id(), h.subjectId(), h.kind(), places, h.placedAt(), h.placedBy(), h.endsOn(), h.releasedAt(),
                h.releasedBy(), h.active());
    }

    private static LegalHold row(ResultSet rs, LocalDate today) throws SQLException {
        Date ends = rs.getDate("ends_on");
        LocalDate endsOn = ends == null ? null : ends.toLocalDate();
        Timestamp released = rs.getTimestamp("released_at");
        boolean active = released == null && (endsOn == null || endsOn.isAfter(today));
        return new LegalHold(rs.getLong("id"), rs.getLong("subject_id"), HoldKind.valueOf(rs.getString("kind")), List.of(),
                rs.getTimestamp("placed_at").toInstant(), rs.getString("placed_by"), endsOn,
                released == null ? null : released.toInstant(), rs.getString("released_by"), active);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
