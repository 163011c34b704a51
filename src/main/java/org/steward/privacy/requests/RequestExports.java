package org.steward.privacy.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.privacy.ExpiringExports;
import org.steward.privacy.PersonalDataPlace;
import org.steward.privacy.PersonalDataRegister;
import org.steward.privacy.RetentionSettings;

/**
 * DSR-9: the export of everything the register of personal data finds about a person, as JSON and as a
 * readable HTML page, kept until its download link expires; the retention sweep deletes it then (RET-1).
 */
@Service
class RequestExports implements ExpiringExports {

    enum Format { JSON, HTML }

    private final PersonalDataRegister register;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    RequestExports(PersonalDataRegister register, NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.register = register;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Everything each place holds about the subject, by place name; nothing for an unknown person. */
    @Transactional(readOnly = true)
    public Map<String, List<Map<String, Object>>> findings(Long subjectId) {
        Map<String, List<Map<String, Object>>> found = new LinkedHashMap<>();
        if (subjectId == null) {
            return found;
        }
        for (PersonalDataPlace place : register.places()) {
            List<Map<String, Object>> rows = place.export(subjectId).stream().map(RequestExports::readable).toList();
            if (!rows.isEmpty()) {
                found.put(place.name(), rows);
            }
        }
        return found;
    }

    /** Builds and stores the export of a request once; returns its id. */
    @Transactional
    public long build(long requestId, Long subjectId) {
        Optional<Long> existing = jdbc.queryForList("SELECT id FROM privacy_export WHERE request_id = :request",
                new MapSqlParameterSource("request", requestId), Long.class).stream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, List<Map<String, Object>>> found = findings(subjectId);
        Instant now = clock.instant();
        String asJson;
        try {
            asJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("requestId", requestId,
                    "createdAt", now.toString(), "places", found));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The export could not be written as JSON", e);
        }
        jdbc.update("""
                INSERT INTO privacy_export (request_id, subject_id, json_content, html_content, created_at, expires_at)
                VALUES (:request, :subject, :json, :html, :now, :expires)""",
                new MapSqlParameterSource("request", requestId).addValue("subject", subjectId).addValue("json", asJson)
                        .addValue("html", ExportPage.render(requestId, now, found)).addValue("now", Timestamp.from(now))
                        .addValue("expires", Timestamp.from(RetentionSettings.after(now, RequestLinks.DOWNLOAD_VALIDITY))));
        return jdbc.queryForObject("SELECT id FROM privacy_export WHERE request_id = :request",
                new MapSqlParameterSource("request", requestId), Long.class);
    }

    /** The export behind a valid download link, in the format asked for; the download is recorded. */
    @Transactional
    public ExportFile download(long exportId, Format format) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", exportId).addValue("now", Timestamp.from(clock.instant()));
        String column = format == Format.JSON ? "json_content" : "html_content";
        String content = jdbc.queryForList("SELECT " + column + " FROM privacy_export WHERE id = :id AND expires_at > :now",
                params, String.class).stream().findFirst().orElseThrow(
                () -> new org.steward.links.InvalidLinkException(org.steward.links.InvalidLinkException.Reason.EXPIRED));
        jdbc.update("UPDATE privacy_export SET downloaded_at = COALESCE(downloaded_at, :now) WHERE id = :id", params);
        return format == Format.JSON ? new ExportFile(content, "application/json", "export-" + exportId + ".json")
                : new ExportFile(content, "text/html;charset=UTF-8", "export-" + exportId + ".html");
    }

    /** RET-1, DSR-9: exports whose link expired are deleted by the daily sweep. */
    @Override
    @Transactional
    public int deleteExpired(Instant asOf) {
        return jdbc.update("DELETE FROM privacy_export WHERE expires_at < :asOf",
                new MapSqlParameterSource("asOf", Timestamp.from(asOf)));
    }

    private static Map<String, Object> readable(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> out.put(column.toLowerCase(java.util.Locale.ROOT),
                value instanceof Timestamp t ? t.toInstant().toString()
                        : value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date ? value.toString()
                        : value instanceof byte[] ? "(binary)" : value));
        return out;
    }
}
