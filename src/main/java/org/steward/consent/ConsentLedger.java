package org.steward.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;

/**
 * The consent ledger (CON-1 to CON-3): every grant, decline, withdrawal, renewal and lapse is a new
 * row naming the policy version, time, channel and evidence; rows are never updated. A member's
 * current consent to a purpose is the latest row for it: given, and not yet expired. Every change is
 * also in the audit trail (purposes and ids only).
 */
@Service
public class ConsentLedger {

    /** The latest row of its member and purpose: the one the current state is derived from. */
    static final String IS_LATEST = """
            NOT EXISTS (SELECT 1 FROM consent_entry later
                        WHERE later.member_id = e.member_id AND later.purpose = e.purpose AND later.id > e.id)""";

    private static final RowMapper<LedgerEntry> ENTRY = (rs, i) -> new LedgerEntry(rs.getLong("id"), rs.getString("purpose"),
            ConsentAction.valueOf(rs.getString("action")), rs.getBoolean("granted"), instant(rs.getTimestamp("expires_at")),
            rs.getString("policy_version"), Channel.valueOf(rs.getString("channel")), rs.getString("evidence"),
            instant(rs.getTimestamp("recorded_at")));

    private final NamedParameterJdbcTemplate jdbc;
    private final EngineClock clock;
    private final ConsentProperties settings;
    private final PolicyRegister policies;
    private final Purposes purposes;
    private final ExpiryDays expiryDays;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ConsentLedger(NamedParameterJdbcTemplate jdbc, EngineClock clock, ConsentProperties settings, PolicyRegister policies,
                  Purposes purposes, ExpiryDays expiryDays, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.policies = policies;
        this.purposes = purposes;
        this.expiryDays = expiryDays;
        this.audit = audit;
        this.events = events;
    }

    /** CON-1: the member's consent to every purpose now (a purpose never answered is not given). */
    @Transactional(readOnly = true)
    public Map<String, CurrentConsent> current(long memberId) {
        Map<String, LedgerEntry> latest = latestByPurpose(memberId);
        Instant now = clock.now();
        Map<String, CurrentConsent> current = new LinkedHashMap<>();
        for (Purpose purpose : purposes.all()) {
            LedgerEntry entry = latest.get(purpose.code());
            current.put(purpose.code(), entry != null && entry.granted() && entry.expiresAt().isAfter(now)
                    ? new CurrentConsent(true, entry.expiresAt()) : CurrentConsent.NOT_GIVEN);
        }
        return current;
    }

    /** The member's whole ledger, oldest first. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(long memberId) {
        return jdbc.query("SELECT * FROM consent_entry WHERE member_id = :member ORDER BY id",
                new MapSqlParameterSource("member", memberId), ENTRY);
    }

    /**
     * The member's answer for each purpose offered (preferences page, or staff for them): a change is a
     * new row (GRANTED or WITHDRAWN); a purpose never answered and not chosen is DECLINED, so that the
     * ledger shows they were asked; an unchanged choice writes nothing.
     *
     * @return the rows written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LedgerEntry> choose(long memberId, Map<String, Boolean> choices, Channel channel, String evidence, String actor) {
        choices.keySet().forEach(code -> purposes.require("purposes", code));
        Map<String, LedgerEntry> latest = latestByPurpose(memberId);
        Instant now = clock.now();
        List<LedgerEntry> written = new ArrayList<>();
        choices.forEach((purpose, wanted) -> {
            LedgerEntry last = latest.get(purpose);
            boolean given = last != null && last.granted() && last.expiresAt().isAfter(now);
            if (wanted && !given) {
                written.add(append(memberId, purpose, ConsentAction.GRANTED, channel, evidence, actor));
            } else if (!wanted && given) {
                written.add(append(memberId, purpose, ConsentAction.WITHDRAWN, channel, evidence, actor));
            } else if (!wanted && last == null) {
                written.add(append(memberId, purpose, ConsentAction.DECLINED, channel, evidence, actor));
            }
        });
        return written;
    }

    /** CON-2: withdraws the purpose at once, if it is given. @return whether a row was written */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean withdraw(long memberId, String purpose, Channel channel, String evidence, String actor) {
        return !choose(memberId, Map.of(purpose, false), channel, evidence, actor).isEmpty();
    }

    /** CON-3: renews every consent the member currently gives, for another full period from now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LedgerEntry> renewAll(long memberId, Channel channel, String evidence, String actor) {
        List<LedgerEntry> written = new ArrayList<>();
        current(memberId).forEach((purpose, consent) -> {
            if (consent.granted()) {
                written.add(append(memberId, purpose, ConsentAction.RENEWED, channel, evidence, actor));
            }
        });
        return written;
    }

    // --- for the services of this module ---

    /** The members who currently consent to {@code purpose}, ascending; one query, however many. */
    List<Long> holders(String purpose) {
        return jdbc.queryForList("SELECT e.member_id FROM consent_entry e WHERE e.purpose = :purpose AND e.granted = TRUE "
                        + "AND e.expires_at > :now AND " + IS_LATEST + " ORDER BY e.member_id",
                new MapSqlParameterSource("purpose", purpose).addValue("now", Timestamp.from(clock.now())), Long.class);
    }

    /** Of these members, those who currently consent to {@code purpose}. */
    Set<Long> holdersAmong(String purpose, Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT e.member_id FROM consent_entry e WHERE e.member_id IN (:members) "
                        + "AND e.purpose = :purpose AND e.granted = TRUE AND e.expires_at > :now AND " + IS_LATEST,
                new MapSqlParameterSource("members", memberIds).addValue("purpose", purpose)
                        .addValue("now", Timestamp.from(clock.now())), Long.class));
    }

    /** A given consent whose current period ends on a day (CON-3): renewal mail and lapse work on these. */
    record Expiring(long memberId, String purpose, Instant expiresAt) {
    }

    /** The members whose given consents end on {@code day}, ascending. */
    List<Long> membersExpiringOn(LocalDate day) {
        return jdbc.queryForList("SELECT DISTINCT e.member_id FROM consent_entry e WHERE e.expires_at >= :from "
                        + "AND e.expires_at < :to AND e.granted = TRUE AND " + IS_LATEST + " ORDER BY e.member_id",
                dayRange(day), Long.class);
    }

    /** The given consents of members {@code fromMember}..{@code toMember} whose period ends on {@code day}. */
    List<Expiring> expiringOn(LocalDate day, long fromMember, long toMember) {
        return jdbc.query("SELECT e.member_id, e.purpose, e.expires_at FROM consent_entry e "
                        + "WHERE e.member_id BETWEEN :first AND :last AND e.expires_at >= :from AND e.expires_at < :to "
                        + "AND e.granted = TRUE AND " + IS_LATEST + " ORDER BY e.member_id, e.purpose",
                dayRange(day).addValue("first", fromMember).addValue("last", toMember),
                (rs, i) -> new Expiring(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))));
    }

    /** CON-3: no answer means the consent lapses and counts as not given. One batched insert for a chunk. */
    @Transactional(propagation = Propagation.MANDATORY)
    int lapse(List<Expiring> consents, String evidence) {
        if (consents.isEmpty()) {
            return 0;
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        Timestamp recorded = Timestamp.from(now);
        List<MapSqlParameterSource> rows = new ArrayList<>(consents.size());
        for (Expiring consent : consents) {
            rows.add(new MapSqlParameterSource("member", consent.memberId()).addValue("purpose", consent.purpose())
                    .addValue("action", ConsentAction.LAPSED.name()).addValue("granted", false).addValue("expires", null)
                    .addValue("version", policies.versionFor(consent.purpose(), clock.today()))
                    .addValue("channel", Channel.SYSTEM.name()).addValue("evidence", evidence).addValue("now", recorded));
        }
        jdbc.batchUpdate(INSERT, rows.toArray(MapSqlParameterSource[]::new));
        for (Expiring consent : consents) {
            audit.record("system", "CONSENT_" + ConsentAction.LAPSED, caseKey(consent.memberId()),
                    "purpose=" + consent.purpose() + " channel=" + Channel.SYSTEM);
            events.publishEvent(new ConsentEnded(consent.memberId(), consent.purpose()));
        }
        return consents.size();
    }

    private static final String INSERT = """
            INSERT INTO consent_entry (member_id, purpose, action, granted, expires_at, policy_version, channel, evidence, recorded_at)
            VALUES (:member, :purpose, :action, :granted, :expires, :version, :channel, :evidence, :now)""";

    /** Writes one row; a grant or renewal joins the renewal process of the day it expires (CON-3). */
    private LedgerEntry append(long memberId, String purpose, ConsentAction action, Channel channel, String evidence,
                               String actor) {
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = action.grants()
                ? now.atOffset(ZoneOffset.UTC).plus(settings.validityOf(purpose)).toInstant() : null;
        String version = policies.versionFor(purpose, clock.today());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(INSERT, new MapSqlParameterSource("member", memberId).addValue("purpose", purpose)
                .addValue("action", action.name()).addValue("granted", action.grants())
                .addValue("expires", expiresAt == null ? null : Timestamp.from(expiresAt)).addValue("version", version)
                .addValue("channel", channel.name()).addValue("evidence", evidence).addValue("now", Timestamp.from(now)),
                key, new String[] {"id"});
        long id = key.getKey().longValue();
        if (expiresAt != null) {
            expiryDays.join(LocalDate.ofInstant(expiresAt, ZoneOffset.UTC));
        }
        audit.record(actor, "CONSENT_" + action, caseKey(memberId),
                "purpose=" + purpose + " entry=" + id + " channel=" + channel + " policy=" + version);
        if (action == ConsentAction.WITHDRAWN) {
            events.publishEvent(new ConsentEnded(memberId, purpose));
        }
        return new LedgerEntry(id, purpose, action, action.grants(), expiresAt, version, channel, evidence, now);
    }

    private Map<String, LedgerEntry> latestByPurpose(long memberId) {
        Map<String, LedgerEntry> latest = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM consent_entry e WHERE e.member_id = :member AND " + IS_LATEST,
                new MapSqlParameterSource("member", memberId), ENTRY).forEach(entry -> latest.put(entry.purpose(), entry));
        return latest;
    }

    private static MapSqlParameterSource dayRange(LocalDate day) {
        return new MapSqlParameterSource("from", Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .addValue("to", Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    static String caseKey(long memberId) {
        return "member-" + memberId;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
