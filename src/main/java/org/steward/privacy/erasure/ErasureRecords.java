package org.steward.privacy.erasure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.steward.privacy.ResidueScan.Residue;
import org.steward.system.NotFoundException;

/**
 * Our own record of each erasure (erasure_request and what it cleared and found) and its short-lived
 * work list (erasure_identifier): the identifiers between the request and the completeness check.
 */
@Component
class ErasureRecords {

    /** The table the completeness check skips: it holds the very identifiers searched for, until the process ends. */
    static final String WORK_TABLE = "erasure_identifier";

    enum Kind { REQUEST, UNDER_AGE, RETENTION }

    enum Confirmation { NOT_SENT, PENDING, SENT, FAILED }

    /** CASE: business keys of the person's process instances, ended by one step and removed from history by the next. */
    enum WorkItem { EMAIL, IDENTIFIER, NOTE, CASE }

    /** DSR-4: a place kept under a hold, the hold's kind and end date (null: until released), when it was erased after all. */
    record KeptPlace(String place, long holdId, String holdKind, LocalDate heldUntil, Instant erasedAt) {
    }

    record Row(long id, Kind kind, ErasureStatus status, String requestedBy, Long memberId, Long subjectId,
               Boolean personKnown, Confirmation confirmation, String processInstanceId, Instant requestedAt,
               Instant endedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ErasureRecords(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long create(Kind kind, String requestedBy, Long memberId, Long subjectId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO erasure_request (kind, status, requested_by, member_id, subject_id, confirmation, requested_at)
                VALUES (:kind, 'RUNNING', :by, :member, :subject, 'NOT_SENT', :now)""",
                new MapSqlParameterSource("kind", kind.name()).addValue("by", requestedBy).addValue("member", memberId)
                        .addValue("subject", subjectId).addValue("now", now()), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.query("SELECT * FROM erasure_request WHERE id = :id", new MapSqlParameterSource("id", id), this::row)
                .stream().findFirst();
    }

    Row get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No erasure " + id));
    }

    /** The latest erasure that named or found this member, running or not. */
    Optional<Row> latestForMember(long memberId) {
        return jdbc.query("SELECT * FROM erasure_request WHERE member_id = :member ORDER BY id DESC",
                new MapSqlParameterSource("member", memberId), this::row).stream().findFirst();
    }

    Optional<Row> runningForSubject(long subjectId) {
        return jdbc.query("SELECT * FROM erasure_request WHERE subject_id = :subject AND ended_at IS NULL ORDER BY id DESC",
                new MapSqlParameterSource("subject", subjectId), this::row).stream().findFirst();
    }

    /** Ties the erasure to the process instance that carries it out; false if another one already does. */
    boolean claimProcess(long id, String processInstanceId) {
        return jdbc.update("""
                UPDATE erasure_request SET process_instance_id = :instance WHERE id = :id AND process_instance_id IS NULL""",
                new MapSqlParameterSource("id", id).addValue("instance", processInstanceId)) == 1;
    }

    void identified(long id, Long subjectId, Long memberId, boolean known, Confirmation confirmation) {
        jdbc.update("""
                UPDATE erasure_request SET subject_id = :subject, member_id = COALESCE(:member, member_id),
                       person_known = :known, confirmation = :confirmation WHERE id = :id""",
                new MapSqlParameterSource("id", id).addValue("subject", subjectId).addValue("member", memberId)
                        .addValue("known", known).addValue("confirmation", confirmation.name()));
    }

    void confirmation(long id, Confirmation confirmation) {
        jdbc.update("UPDATE erasure_request SET confirmation = :confirmation WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("confirmation", confirmation.name()));
    }

    void erased(long id, Map<String, Integer> placesCleared) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        jdbc.update("DELETE FROM erasure_place_cleared WHERE erasure_id = :id", params);
        placesCleared.forEach((place, rows) -> jdbc.update(
                "INSERT INTO erasure_place_cleared (erasure_id, place, rows_cleared) VALUES (:id, :place, :rows)",
                new MapSqlParameterSource("id", id).addValue("place", place).addValue("rows", rows)));
        jdbc.update("UPDATE erasure_request SET erased_at = :now WHERE id = :id", params.addValue("now", now()));
    }

    void verified(long id, List<Residue> residue) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        jdbc.update("DELETE FROM erasure_residue WHERE erasure_id = :id", params);
        for (Residue r : new LinkedHashSet<>(residue)) {
            jdbc.update("INSERT INTO erasure_residue (erasure_id, table_name, column_name) VALUES (:id, :table, :column)",
                    new MapSqlParameterSource("id", id).addValue("table", r.table()).addValue("column", r.column()));
        }
        boolean held = keptPlaces(id).stream().anyMatch(k -> k.erasedAt() == null);
        ErasureStatus status = !residue.isEmpty() ? ErasureStatus.RESIDUE_FOUND : held ? ErasureStatus.HELD : ErasureStatus.VERIFIED;
        jdbc.update("UPDATE erasure_request SET status = :status, verified_at = :now WHERE id = :id",
                params.addValue("now", now()).addValue("status", status.name()));
    }

    void ended(long id) {
        jdbc.update("UPDATE erasure_request SET ended_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("now", now()));
    }

    /** More places cleared by a later pass (DSR-4: records kept under a hold, erased once it ended). */
    void clearedMore(long id, Map<String, Integer> placesCleared) {
        placesCleared.forEach((place, rows) -> {
            MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("place", place).addValue("rows", rows);
            if (jdbc.update("UPDATE erasure_place_cleared SET rows_cleared = rows_cleared + :rows WHERE erasure_id = :id AND place = :place",
                    params) == 0) {
                jdbc.update("INSERT INTO erasure_place_cleared (erasure_id, place, rows_cleared) VALUES (:id, :place, :rows)", params);
            }
        });
    }

    /** A place kept under a legal hold (DSR-4), once per hold that covers it; repeated calls add nothing. */
    void kept(long id, String place, long holdId, String holdKind, LocalDate heldUntil) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("place", place).addValue("hold", holdId)
                .addValue("kind", holdKind).addValue("until", heldUntil == null ? null : java.sql.Date.valueOf(heldUntil));
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM erasure_place_kept WHERE erasure_id = :id AND place = :place "
                + "AND hold_id = :hold", params, Integer.class);
        if (present == null || present == 0) {
            jdbc.update("""
                    INSERT INTO erasure_place_kept (erasure_id, place, hold_id, hold_kind, held_until)
                    VALUES (:id, :place, :hold, :kind, :until)""", params);
        }
    }

    /** What an erasure kept under a hold, in order; erasedAt is set once the hold ended and the place was erased. */
    List<KeptPlace> keptPlaces(long id) {
        return jdbc.query("SELECT * FROM erasure_place_kept WHERE erasure_id = :id ORDER BY id", new MapSqlParameterSource("id", id),
                (rs, i) -> new KeptPlace(rs.getString("place"), rs.getLong("hold_id"), rs.getString("hold_kind"),
                        rs.getDate("held_until") == null ? null : rs.getDate("held_until").toLocalDate(), instant(rs, "erased_at")));
    }

    void keptErased(long id, Collection<String> places) {
        if (!places.isEmpty()) {
            jdbc.update("UPDATE erasure_place_kept SET erased_at = :now WHERE erasure_id = :id AND erased_at IS NULL AND place IN (:places)",
                    new MapSqlParameterSource("id", id).addValue("now", now()).addValue("places", places));
        }
    }

    /** The running erasures that keep records under this hold: they go on when it is released. */
    List<Long> waitingOn(long holdId) {
        return jdbc.queryForList("""
                SELECT DISTINCT k.erasure_id FROM erasure_place_kept k JOIN erasure_request r ON r.id = k.erasure_id
                WHERE k.hold_id = :hold AND k.erased_at IS NULL AND r.ended_at IS NULL""",
                new MapSqlParameterSource("hold", holdId), Long.class);
    }

    List<String> placesCleared(long id) {
        return jdbc.queryForList("SELECT place FROM erasure_place_cleared WHERE erasure_id = :id ORDER BY id",
                new MapSqlParameterSource("id", id), String.class);
    }

    List<Residue> residue(long id) {
        return jdbc.query("SELECT table_name, column_name FROM erasure_residue WHERE erasure_id = :id ORDER BY table_name, column_name",
                new MapSqlParameterSource("id", id), (rs, i) -> new Residue(rs.getString(1), rs.getString(2)));
    }

    // --- the short-lived work list ---

    void remember(long id, WorkItem kind, Collection<String> values) {
        Set<String> present = new LinkedHashSet<>(recalled(id, kind));
        for (String value : values) {
            if (value != null && !value.isBlank() && present.add(value)) {
                jdbc.update("INSERT INTO erasure_identifier (erasure_id, kind, content) VALUES (:id, :kind, :value)",
                        new MapSqlParameterSource("id", id).addValue("kind", kind.name()).addValue("value", value));
            }
        }
    }

    List<String> recalled(long id, WorkItem kind) {
        return jdbc.queryForList("SELECT content FROM erasure_identifier WHERE erasure_id = :id AND kind = :kind ORDER BY id",
                new MapSqlParameterSource("id", id).addValue("kind", kind.name()), String.class);
    }

    /** Everything the completeness check searches for: the address and every other identifier. */
    List<String> identifiers(long id) {
        List<String> all = new ArrayList<>(recalled(id, WorkItem.EMAIL));
        all.addAll(recalled(id, WorkItem.IDENTIFIER));
        return all;
    }

    void forgetWorkList(long id) {
        jdbc.update("DELETE FROM erasure_identifier WHERE erasure_id = :id", new MapSqlParameterSource("id", id));
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), ErasureStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"), nullableLong(rs, "member_id"), nullableLong(rs, "subject_id"),
                (Boolean) rs.getObject("person_known", Boolean.class), Confirmation.valueOf(rs.getString("confirmation")),
                rs.getString("process_instance_id"), instant(rs, "requested_at"), instant(rs, "ended_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
