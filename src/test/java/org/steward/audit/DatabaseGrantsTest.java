package org.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.steward.support.IntegrationTest;

/**
 * docs/mysql-grants.sql stays true (AUD-3): every table the migrations and Camunda create has exactly one
 * grant for steward_app, no grant names a table that is not there, and the audit trail is INSERT and
 * SELECT only. A migration that adds a table fails here until its grant is written down.
 * DatabaseGrantsMariaDbTest runs the service with exactly these grants.
 */
class DatabaseGrantsTest extends IntegrationTest {

    @Test
    void everyTable_hasExactlyOneGrant_andTheTrailIsAppendOnly() {
        Map<String, Set<String>> granted = GrantsFile.appPrivileges();
        Set<String> grantedTables = granted.keySet().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tables = new TreeSet<>(jdbc.queryForList("""
                SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE = 'BASE TABLE'""", String.class));
        tables.remove("personal_data_probe"); // PersonalDataSchemaTest's own, dropped after it

        assertThat(tables).as("tables without a grant in %s", GrantsFile.PATH).isSubsetOf(grantedTables);
        assertThat(grantedTables).as("grants in %s for tables that do not exist", GrantsFile.PATH).isSubsetOf(tables);
        assertThat(granted.get("audit_entry")).containsExactly("INSERT", "SELECT");
        assertThat(granted.get("audit_chain_head")).containsExactly("SELECT", "UPDATE");
        assertThat(granted.get("incident_deadline")).containsExactly("INSERT", "SELECT");
        assertThat(granted.get("incident_approval")).containsExactly("INSERT", "SELECT");
        assertThat(granted.get("flyway_schema_history")).containsExactly("SELECT");
        granted.forEach((table, privileges) -> assertThat(privileges).as(table).isSubsetOf("SELECT", "INSERT", "UPDATE", "DELETE"));
    }

    @Test
    void theAppUserGetsNoSchemaWideGrant_andTheOwnerDoes() {
        assertThat(GrantsFile.statements()).noneMatch(s -> s.contains("'" + GrantsFile.APP_USER + "'@")
                && s.matches("(?i).* ON `?\\w+`?\\.\\* TO .*"));
        assertThat(GrantsFile.statements()).anyMatch(s -> s.equals("GRANT ALL PRIVILEGES ON steward.* TO '" + GrantsFile.OWNER_USER + "'@'%'"));
    }
}
