package org.steward.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches every text column of every table whose name starts with a prefix (e.g. {@code act_hi_}) for
 * a string, on H2 and MySQL/MariaDB alike, and names the columns where it occurs. Tests use it to prove
 * that typed text and personal data never reached the engine's history.
 */
public final class TextScan {

    private TextScan() {
    }

    public static List<String> columnsContaining(JdbcTemplate jdbc, String tablePrefix, String needle) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = SCHEMA() AND LOWER(table_name) LIKE ?
                  AND (LOWER(data_type) LIKE '%char%' OR LOWER(data_type) LIKE '%text%' OR LOWER(data_type) LIKE '%clob%'
                       OR LOWER(data_type) LIKE '%character%')""", tablePrefix.toLowerCase() + "%");
        if (columns.isEmpty()) {
            throw new IllegalStateException("No text columns found in tables starting with " + tablePrefix);
        }
        List<String> hits = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = String.valueOf(column.get("table_name"));
            String name = String.valueOf(column.get("column_name"));
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + name + " LIKE ?", Long.class,
                    "%" + needle + "%");
            if (count != null && count > 0) {
                hits.add(table + "." + name);
            }
        }
        return hits;
    }
}
