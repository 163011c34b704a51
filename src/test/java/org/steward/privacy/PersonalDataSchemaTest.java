package org.steward.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.IntegrationTest;

/**
 * Issue 9, design point 1: the register of personal data covers the live schema. After Flyway, every
 * column of Steward's own tables that can hold text is declared by exactly one place of the register,
 * as personal or as holding no personal data; a table or column added later and declared nowhere, a
 * column declared twice, or a declaration naming a column that does not exist fails the build.
 */
class PersonalDataSchemaTest extends IntegrationTest {

    @Autowired
    PersonalDataRegister register;

    @AfterEach
    void dropProbe() {
        jdbc.execute("DROP TABLE IF EXISTS personal_data_probe");
    }

    @Test
    void everyTextColumnOfOurTables_isDeclaredByExactlyOnePlace() throws SQLException {
        assertThat(register.places()).extracting(PersonalDataPlace::name).hasSizeGreaterThanOrEqualTo(10);
        assertThat(problems(register.places())).isEmpty();
    }

    @Test
    void aTableAddedWithoutADeclaration_failsTheCheck() throws SQLException {
        jdbc.execute("CREATE TABLE personal_data_probe (id INT PRIMARY KEY, nickname VARCHAR(100), photo BLOB, score INT)");
        assertThat(problems(register.places())).containsExactly(
                "personal_data_probe.nickname is declared by no place",
                "personal_data_probe.photo is declared by no place");
    }

    @Test
    void aColumnDeclaredTwiceOrNotThere_failsTheCheck() throws SQLException {
        List<PersonalDataPlace> places = new ArrayList<>(register.places());
        places.add(new Declaring(Map.of("data_subject", Set.of("email")), Map.of("member", Set.of("no_such_column"))));
        assertThat(problems(places)).containsExactly(
                "data_subject.email is declared by 2 places: Probe, People we hold data about",
                "member.no_such_column is declared by Probe but is no text column of our tables");
    }

    /** What is wrong between the live schema and the register, one line per column. */
    private List<String> problems(List<PersonalDataPlace> places) throws SQLException {
        Set<String> columns = ourTextColumns();
        Map<String, List<String>> declaredBy = new TreeMap<>();
        for (PersonalDataPlace place : places) {
            for (Map<String, Set<String>> declared : List.of(place.personalColumns(), place.otherTextColumns())) {
                declared.forEach((table, names) -> names.forEach(column -> declaredBy
                        .computeIfAbsent((table + "." + column).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(place.name())));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String column : columns) {
            List<String> owners = declaredBy.getOrDefault(column, List.of());
            if (owners.isEmpty()) {
                problems.add(column + " is declared by no place");
            } else if (owners.size() > 1) {
                problems.add(column + " is declared by " + owners.size() + " places: "
                        + String.join(", ", owners.stream().sorted(java.util.Comparator.reverseOrder()).toList()));
            }
        }
        declaredBy.forEach((column, owners) -> {
            if (!columns.contains(column)) {
                problems.add(column + " is declared by " + String.join(", ", owners) + " but is no text column of our tables");
            }
        });
        return problems;
    }

    /** "table.column" for every column that can hold text (character or binary) of every table but the engine's. */
    private Set<String> ourTextColumns() throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Connection connection = jdbc.getDataSource().getConnection();
             ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.startsWith("act_") || table.equals("flyway_schema_history") || !canHoldText(rs.getInt("DATA_TYPE"))) {
                    continue;
                }
                columns.add(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(columns).as("text columns of our tables").contains("data_subject.email", "outbox_message.recipient");
        return columns;
    }

    private static boolean canHoldText(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.NCLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> true;
            default -> false;
        };
    }

    /** A place that only declares columns, to prove the check catches double and stale declarations. */
    private record Declaring(Map<String, Set<String>> personalColumns, Map<String, Set<String>> otherTextColumns)
            implements PersonalDataPlace {
        @Override public String name() { return "Probe"; }
        @Override public List<Map<String, Object>> export(long subjectId) { return List.of(); }
        @Override public int erase(long subjectId) { return 0; }
    }
}
