package org.steward.organisations;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for the organisations' security contacts (BRE-2), kept by value: a contact is
 * found by their address, and erasure removes name and address from every organisation naming them.
 * The organisation itself (name, website) is not a person. The administrator of an organisation that
 * administers its members (DSR-5) is kept the same way.
 */
@Component
class OrganisationPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    OrganisationPersonalData(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "Member organisations: security contacts";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("member_organisation", Set.of("iso_name", "iso_email", "alternate_name", "alternate_email",
                "administrator_name", "administrator_email"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("member_organisation", Set.of("name", "website"));
    }

    /** Contacts are kept by address, not by subject: an export by address belongs to the request that knows it. */
    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return List.of();
    }

    @Override
    public int erase(long subjectId) {
        return 0;
    }

    @Override
    public int eraseAddress(String email) {
        MapSqlParameterSource params = new MapSqlParameterSource("email", email).addValue("now", Timestamp.from(clock.instant()));
        return jdbc.update("""
                UPDATE member_organisation SET iso_name = NULL, iso_email = NULL, updated_at = :now, version = version + 1
                WHERE iso_email = :email""", params)
                + jdbc.update("""
                UPDATE member_organisation SET alternate_name = NULL, alternate_email = NULL, updated_at = :now,
                       version = version + 1
                WHERE alternate_email = :email""", params)
                + jdbc.update("""
                UPDATE member_organisation SET administrator_name = NULL, administrator_email = NULL, updated_at = :now,
                       version = version + 1
                WHERE administrator_email = :email""", params);
    }

    @Override
    public Set<String> identifiers(Long subjectId, String email) {
        if (email == null) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        jdbc.query("SELECT iso_name, alternate_name, iso_email, alternate_email, administrator_name, administrator_email "
                + "FROM member_organisation WHERE iso_email = :email OR alternate_email = :email OR administrator_email = :email",
                new MapSqlParameterSource("email", email), rs -> {
                    if (email.equals(rs.getString("administrator_email")) && rs.getString("administrator_name") != null) {
                        names.add(rs.getString("administrator_name"));
                    }
                    if (email.equals(rs.getString("iso_email")) && rs.getString("iso_name") != null) {
                        names.add(rs.getString("iso_name"));
                    }
                    if (email.equals(rs.getString("alternate_email")) && rs.getString("alternate_name") != null) {
                        names.add(rs.getString("alternate_name"));
                    }
                });
        return names;
    }
}
