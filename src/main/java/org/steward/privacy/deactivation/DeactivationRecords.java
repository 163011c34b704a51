package org.steward.privacy.deactivation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * member_deactivation: one row per deactivation (DSR-6) with when it happened, until when the data is kept,
 * and whether it ended in reactivation or anonymisation. Ids and times only. {@code open_member_id} is set
 * while the deactivation is open and unique, so a member has at most one open deactivation; closing it is
 * a conditional update, so of a reactivation and an anonymisation racing exactly one wins.
 */
@Component
public class DeactivationRecords {

    public record Deactivation(long id, long memberId, long subjectId, boolean byMember, Instant deactivatedAt,
                               Instant retainUntil, Instant reactivatedAt, Instant anonymisedAt) {

        public boolean isOpen() {
            return reactivatedAt == null && anonymisedAt == null;
        }
    }

    private static final String COLUMNS = "id, member_id, subject_id, by_member, deactivated_at, retain_until, reactivated_at, anonymised_at";

    private final NamedParameterJdbcTemplate jdbc;

    DeactivationRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a deactivation; fails (duplicate key) if the member already has an open one. */
    public long open(long memberId, long subjectId, boolean byMember, Instant now, Instant retainUntil) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO member_deactivation (member_id, subject_id, open_member_id, by_member, deactivated_at, retain_until)
                VALUES (:member, :subject, :member, :byMember, :now, :retainUntil)""",
                new MapSqlParameterSource("member", memberId).addValue("subject", subjectId).addValue("byMember", byMember)
                        .addValue("now", Timestamp.from(now)).addValue("retainUntil", Timestamp.from(retainUntil)),
                key, new String[] {"id"});
        return key.getKey().longValue();
    }

    public Optional<Deactivation> openFor(long memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM member_deactivation WHERE open_member_id = :member",
                new MapSqlParameterSource("member", memberId), DeactivationRecords::row).stream().findFirst();
    }

    /** The member's most recent deactivation, open or closed. */
    public Optional<Deactivation> latestFor(long memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM member_deactivation WHERE member_id = :member ORDER BY id DESC",
                new MapSqlParameterSource("member", memberId), DeactivationRecords::row).stream().findFirst();
    }

    /** @return true if this call closed the open deactivation as reactivated */
    public boolean closeAsReactivated(long id, Instant now) {
        return close(id, "reactivated_at", now);
    }

    /** @return true if this call closed the open deactivation as anonymised: the caller anonymises */
    public boolean closeAsAnonymised(long id, Instant now) {
        return close(id, "anonymised_at", now);
    }

    private boolean close(long id, String column, Instant now) {
        return jdbc.update("UPDATE member_deactivation SET " + column + " = :now, open_member_id = NULL "
                        + "WHERE id = :id AND open_member_id IS NOT NULL",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now))) == 1;
    }

    /** Members whose deactivation is still open although its retention period ended before {@code asOf}. */
    public List<Long> membersPastRetention(Instant asOf) {
        return jdbc.queryForList("""
                SELECT member_id FROM member_deactivation
                WHERE open_member_id IS NOT NULL AND retain_until <= :asOf ORDER BY retain_until, id""",
                new MapSqlParameterSource("asOf", Timestamp.from(asOf)), Long.class);
    }

    /** Every deactivation of this data subject, for an access request. */
    public List<Map<String, Object>> exportFor(long subjectId) {
        return jdbc.queryForList("SELECT member_id, by_member, deactivated_at, retain_until, reactivated_at, anonymised_at "
                + "FROM member_deactivation WHERE subject_id = :subject ORDER BY id", new MapSqlParameterSource("subject", subjectId));
    }

    private static Deactivation row(ResultSet rs, int i) throws SQLException {
        return new Deactivation(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("subject_id"), rs.getBoolean("by_member"),
                instant(rs, "deactivated_at"), instant(rs, "retain_until"), instant(rs, "reactivated_at"), instant(rs, "anonymised_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
