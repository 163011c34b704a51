package org.steward.subjects;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for data_subject: who a person is (address and name). Every other row points at
 * it, so erasure deletes it last, after every place has let go of the subject.
 */
@Component
class SubjectPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;

    SubjectPersonalData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "People we hold data about";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("data_subject", Set.of("email", "display_name"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of();
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return jdbc.queryForList("SELECT id, email, display_name, created_at FROM data_subject WHERE id = :id",
                new MapSqlParameterSource("id", subjectId));
    }

    @Override
    public int erase(long subjectId) {
        return jdbc.update("DELETE FROM data_subject WHERE id = :id", new MapSqlParameterSource("id", subjectId));
    }

    @Override
    public Set<String> identifiers(Long subjectId, String email) {
        Set<String> found = new LinkedHashSet<>();
        jdbc.query("SELECT email, display_name FROM data_subject WHERE id = :id OR email = :email",
                new MapSqlParameterSource("id", subjectId).addValue("email", email), rs -> {
                    found.add(rs.getString("email"));
                    if (rs.getString("display_name") != null) {
                        found.add(rs.getString("display_name"));
                    }
                });
        return found;
    }

    @Override
    public int erasureOrder() {
        return LAST;
    }

    /** DSR-4: held records point at their subject, so the subject stays as long as any of them does. */
    @Override
    public boolean keptWhileRecordsAreHeld() {
        return true;
    }
}
