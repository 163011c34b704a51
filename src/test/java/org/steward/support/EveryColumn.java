package org.steward.support;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * An independent completeness check for tests (issue 9): reads every value of every column of every
 * table in the database, Steward's and Camunda's ACT_* alike, into Java and looks for the given texts
 * there, case-insensitively, in character and binary values (decoded as UTF-8). It shares nothing with
 * the service's own ResidueScan: no SQL LIKE, no type list of its own, no excluded table.
 */
public final class EveryColumn {

    private EveryColumn() {
    }

    /** "table.column" (lower case) for every column where any of {@code needles} occurs. */
    public static Set<String> holding(DataSource dataSource, Collection<String> needles) {
        List<String> wanted = needles.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        Set<String> found = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String quote = meta.getIdentifierQuoteString().trim();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
                while (rs.next()) {
                    String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                    if (type.equals("TABLE") || type.equals("BASE TABLE")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            if (tables.stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("act_hi_"))) {
                throw new IllegalStateException("The engine's tables were not found: the scan would prove nothing");
            }
            for (String table : tables) {
                scan(connection, quote, table, wanted, found);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void scan(Connection connection, String quote, String table, List<String> wanted, Set<String> found)
            throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + quote + table + quote)) {
            ResultSetMetaData columns = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    String text = asText(rs.getObject(i));
                    if (text == null) {
                        continue;
                    }
                    String lower = text.toLowerCase(Locale.ROOT);
                    if (wanted.stream().anyMatch(lower::contains)) {
                        found.add((table + "." + columns.getColumnName(i)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    private static String asText(Object value) throws SQLException {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        return null;
    }
}
