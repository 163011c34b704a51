package org.steward.privacy.processors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The processor and processor_instruction tables. Times are the engine's clock, which the instruction's
 * day-5 and day-14 timers follow.
 */
@Component
class ProcessorRecords {

    private static final String INSTRUCTION =
            "SELECT i.*, p.name AS processor_name FROM processor_instruction i JOIN processor p ON p.id = i.processor_id ";

    private final NamedParameterJdbcTemplate jdbc;

    ProcessorRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(String name, String contactEmail, String holds, boolean active) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO processor (name, contact_email, holds, active, created_at, updated_at)
                VALUES (:name, :email, :holds, :active, :now, :now)""", processor(name, contactEmail, holds, active), key,
                new String[] {"id"});
        return key.getKey().longValue();
    }

    boolean update(long id, String name, String contactEmail, String holds, boolean active) {
        return jdbc.update("""
                UPDATE processor SET name = :name, contact_email = :email, holds = :holds, active = :active, updated_at = :now
                WHERE id = :id""", processor(name, contactEmail, holds, active).addValue("id", id)) == 1;
    }

    Optional<Processor> find(long id) {
        return jdbc.query("SELECT * FROM processor WHERE id = :id", new MapSqlParameterSource("id", id), ProcessorRecords::processor)
                .stream().findFirst();
    }

    List<Processor> all() {
        return jdbc.query("SELECT * FROM processor ORDER BY id", ProcessorRecords::processor);
    }

    /** Active processors we can write to: every one of them gets an instruction for every erasure. */
    List<Processor> instructable() {
        return jdbc.query("SELECT * FROM processor WHERE active = TRUE AND contact_email IS NOT NULL ORDER BY id",
                ProcessorRecords::processor);
    }

    /** @return the new instruction's id, or empty when this erasure already instructed this processor */
    Optional<Long> createInstruction(long processorId, long erasureId, long subjectRef) {
        MapSqlParameterSource params = new MapSqlParameterSource("processor", processorId).addValue("erasure", erasureId);
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM processor_instruction WHERE processor_id = :processor "
                + "AND erasure_id = :erasure", params, Integer.class);
        if (existing != null && existing > 0) {
            return Optional.empty();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO processor_instruction (processor_id, erasure_id, subject_ref, status, created_at)
                VALUES (:processor, :erasure, :subject, 'SENT', :now)""",
                params.addValue("subject", subjectRef).addValue("now", now()), key, new String[] {"id"});
        return Optional.of(key.getKey().longValue());
    }

    Optional<Instruction> findInstruction(long id) {
        return jdbc.query(INSTRUCTION + "WHERE i.id = :id", new MapSqlParameterSource("id", id), ProcessorRecords::instruction)
                .stream().findFirst();
    }

    List<Instruction> instructionsFor(long erasureId) {
        return jdbc.query(INSTRUCTION + "WHERE i.erasure_id = :erasure ORDER BY i.id", new MapSqlParameterSource("erasure", erasureId),
                ProcessorRecords::instruction);
    }

    void reminded(long id) {
        jdbc.update("UPDATE processor_instruction SET status = 'REMINDED', reminded_at = :now WHERE id = :id AND status = 'SENT'",
                new MapSqlParameterSource("id", id).addValue("now", now()));
    }

    /** @return false if it was already confirmed */
    boolean confirmed(long id, String by) {
        return jdbc.update("""
                UPDATE processor_instruction SET status = 'CONFIRMED', confirmed_at = :now, confirmed_by = :by
                WHERE id = :id AND status <> 'CONFIRMED'""",
                new MapSqlParameterSource("id", id).addValue("now", now()).addValue("by", by)) == 1;
    }

    void followedUp(long id, boolean confirmed, String note, String staffUser) {
        jdbc.update("""
                UPDATE processor_instruction SET follow_up_at = :now, note = :note,
                       status = CASE WHEN :confirmed THEN 'CONFIRMED' ELSE 'CLOSED_UNCONFIRMED' END,
                       confirmed_at = CASE WHEN :confirmed THEN :now ELSE confirmed_at END,
                       confirmed_by = CASE WHEN :confirmed THEN :by ELSE confirmed_by END
                WHERE id = :id AND status <> 'CONFIRMED'""",
                new MapSqlParameterSource("id", id).addValue("now", now()).addValue("note", note)
                        .addValue("confirmed", confirmed).addValue("by", staffUser));
    }

    String note(long id) {
        return jdbc.queryForObject("SELECT note FROM processor_instruction WHERE id = :id", new MapSqlParameterSource("id", id),
                String.class);
    }

    private static MapSqlParameterSource processor(String name, String contactEmail, String holds, boolean active) {
        return new MapSqlParameterSource("name", name).addValue("email", contactEmail).addValue("holds", holds)
                .addValue("active", active).addValue("now", now());
    }

    private static Processor processor(ResultSet rs, int i) throws SQLException {
        return new Processor(rs.getLong("id"), rs.getString("name"), rs.getString("contact_email"), rs.getString("holds"),
                rs.getBoolean("active"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instruction instruction(ResultSet rs, int i) throws SQLException {
        return new Instruction(rs.getLong("id"), rs.getLong("processor_id"), rs.getString("processor_name"),
                rs.getLong("erasure_id"), rs.getLong("subject_ref"), InstructionStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "reminded_at"), instant(rs, "follow_up_at"), instant(rs, "confirmed_at"),
                rs.getString("confirmed_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp now() {
        return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
    }
}
