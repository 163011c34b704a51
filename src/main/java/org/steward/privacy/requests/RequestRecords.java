package org.steward.privacy.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.steward.system.NotFoundException;

/** Our record of each data-subject request (privacy_request) and the texts about it (privacy_request_text). */
@Component
class RequestRecords {

    enum TextKind { DETAILS, REFUSAL_REASON, QUESTION, EXTENSION_REASON }

    record Row(long id, RequestType type, RequestStatus status, String email, Long subjectId, Instant receivedAt,
               Instant verifiedAt, Instant dueAt, String outcome, String decidedBy, Instant closedAt, Instant extendedTo) {

        /** DSR-3: the date the request is due by: the extended one if a privacy officer extended it. */
        Instant effectiveDue() {
            return extendedTo != null ? extendedTo : dueAt;
        }
    }

    record Text(TextKind kind, String content, String writtenBy, Instant writtenAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    RequestRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String openKey(RequestType type, String email) {
        return type.name() + ":" + email;
    }

    /** A new request, or empty when one of this type from this address is open already (DSR-1: merge). */
    Optional<Long> create(RequestType type, String email, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                    INSERT INTO privacy_request (request_type, status, email, open_key, received_at)
                    VALUES (:type, 'AWAITING_VERIFICATION', :email, :open, :now)""",
                    new MapSqlParameterSource("type", type.name()).addValue("email", email)
                            .addValue("open", openKey(type, email)).addValue("now", Timestamp.from(now)), key, new String[] {"id"});
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    Optional<Row> openFor(RequestType type, String email) {
        return jdbc.query("SELECT * FROM privacy_request WHERE open_key = :open",
                new MapSqlParameterSource("open", openKey(type, email)), this::row).stream().findFirst();
    }

    Optional<Row> find(long id) {
        return jdbc.query("SELECT * FROM privacy_request WHERE id = :id", new MapSqlParameterSource("id", id), this::row)
                .stream().findFirst();
    }

    Row get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No privacy request " + id));
    }

    List<Row> withStatus(RequestStatus status) {
        String where = status == null ? "" : " WHERE status = :status";
        return jdbc.query("SELECT * FROM privacy_request" + where + " ORDER BY id",
                new MapSqlParameterSource("status", status == null ? null : status.name()), this::row);
    }

    long countInReviewDueBetween(Instant from, Instant to) {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM privacy_request WHERE status = 'IN_REVIEW' AND due_at >= :from AND due_at < :to",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), Long.class);
        return open == null ? 0 : open;
    }

    /** Verified: the deadline runs from now. False if it was verified (or closed) before. */
    boolean verified(long id, Long subjectId, Instant now, Instant due) {
        return jdbc.update("""
                UPDATE privacy_request SET status = 'IN_REVIEW', subject_id = :subject, verified_at = :now, due_at = :due
                WHERE id = :id AND status = 'AWAITING_VERIFICATION'""",
                new MapSqlParameterSource("id", id).addValue("subject", subjectId).addValue("now", Timestamp.from(now))
                        .addValue("due", Timestamp.from(due))) == 1;
    }

    /** DSR-3: extends an open request's deadline, once; false if it was extended (or closed) before. */
    boolean extend(long id, Instant to, String staffUser) {
        return jdbc.update("""
                UPDATE privacy_request SET extended_to = :to, extended_by = :by
                WHERE id = :id AND extended_to IS NULL AND status = 'IN_REVIEW'""",
                new MapSqlParameterSource("id", id).addValue("to", Timestamp.from(to)).addValue("by", staffUser)) == 1;
    }

    /** DSR-8: the person's open rectification or objection other than this request: the dispute a restriction waits for. */
    Optional<Long> openDisputeOf(long subjectId, long exceptRequestId) {
        return jdbc.queryForList("""
                SELECT id FROM privacy_request WHERE subject_id = :subject AND id <> :except AND status = 'IN_REVIEW'
                AND request_type IN ('RECTIFICATION', 'OBJECTION') ORDER BY id""",
                new MapSqlParameterSource("subject", subjectId).addValue("except", exceptRequestId), Long.class).stream().findFirst();
    }

    /** RECTIFICATION: which fields were corrected, when and by whom; never the values (append-only). */
    void recordCorrection(long id, String fields, Instant now, String staffUser) {
        jdbc.update("""
                INSERT INTO privacy_request_correction (request_id, fields, corrected_at, corrected_by)
                VALUES (:id, :fields, :now, :by)""",
                new MapSqlParameterSource("id", id).addValue("fields", fields).addValue("now", Timestamp.from(now))
                        .addValue("by", staffUser));
    }

    List<Map<String, Object>> corrections(long id) {
        return jdbc.queryForList("SELECT fields, corrected_at, corrected_by FROM privacy_request_correction WHERE request_id = :id ORDER BY id",
                new MapSqlParameterSource("id", id));
    }

    void decided(long id, String outcome, String staffUser) {
        jdbc.update("UPDATE privacy_request SET outcome = :outcome, decided_by = :by WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("outcome", outcome).addValue("by", staffUser));
    }

    /** AUD-2: the category of a refusal's reason or a question (null for an approval). */
    void categorised(long id, String category) {
        jdbc.update("UPDATE privacy_request SET decision_category = :category WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("category", category));
    }

    /** Closes the request; it no longer takes merges. */
    void close(long id, RequestStatus status, String outcome, Instant now) {
        jdbc.update("""
                UPDATE privacy_request SET status = :status, outcome = COALESCE(:outcome, outcome), open_key = NULL,
                       closed_at = :now WHERE id = :id""",
                new MapSqlParameterSource("id", id).addValue("status", status.name()).addValue("outcome", outcome)
                        .addValue("now", Timestamp.from(now)));
    }

    void addText(long id, TextKind kind, String content, String writtenBy, Instant now) {
        jdbc.update("""
                INSERT INTO privacy_request_text (request_id, kind, content, written_by, written_at)
                VALUES (:id, :kind, :content, :by, :now)""",
                new MapSqlParameterSource("id", id).addValue("kind", kind.name()).addValue("content", content)
                        .addValue("by", writtenBy).addValue("now", Timestamp.from(now)));
    }

    List<Text> texts(long id) {
        return jdbc.query("SELECT * FROM privacy_request_text WHERE request_id = :id ORDER BY id",
                new MapSqlParameterSource("id", id), (rs, n) -> new Text(TextKind.valueOf(rs.getString("kind")),
                        rs.getString("content"), rs.getString("written_by"), instant(rs, "written_at")));
    }

    Optional<String> latestText(long id, TextKind kind) {
        return texts(id).stream().filter(t -> t.kind() == kind).reduce((a, b) -> b).map(Text::content);
    }

    /** Erasure (DSR-7): the address and every text about this person's requests go; ids, types and times stay. */
    int forgetAddress(String email) {
        MapSqlParameterSource params = new MapSqlParameterSource("email", email);
        int texts = jdbc.update("""
                DELETE FROM privacy_request_text WHERE request_id IN (SELECT id FROM privacy_request WHERE email = :email)""", params);
        return texts + jdbc.update("UPDATE privacy_request SET email = NULL, open_key = NULL WHERE email = :email", params);
    }

    /** DSR-2: an expired request forgets its own address and texts; the person's other requests keep theirs. */
    int forgetRequest(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        int texts = jdbc.update("DELETE FROM privacy_request_text WHERE request_id = :id", params);
        return texts + jdbc.update("UPDATE privacy_request SET email = NULL, open_key = NULL WHERE id = :id", params);
    }

    List<Map<String, Object>> exportFor(long subjectId) {
        return jdbc.queryForList("""
                SELECT id, request_type, status, received_at, verified_at, due_at, extended_to, outcome, closed_at
                FROM privacy_request WHERE subject_id = :subject ORDER BY id""", new MapSqlParameterSource("subject", subjectId));
    }

    List<String> emailsOf(long subjectId) {
        return jdbc.queryForList("SELECT DISTINCT email FROM privacy_request WHERE subject_id = :subject AND email IS NOT NULL",
                new MapSqlParameterSource("subject", subjectId), String.class);
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        long subject = rs.getLong("subject_id");
        Long subjectId = rs.wasNull() ? null : subject;
        return new Row(rs.getLong("id"), RequestType.valueOf(rs.getString("request_type")),
                RequestStatus.valueOf(rs.getString("status")), rs.getString("email"), subjectId,
                instant(rs, "received_at"), instant(rs, "verified_at"), instant(rs, "due_at"), rs.getString("outcome"),
                rs.getString("decided_by"), instant(rs, "closed_at"), instant(rs, "extended_to"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
