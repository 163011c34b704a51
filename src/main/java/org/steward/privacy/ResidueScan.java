package org.steward.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The completeness check behind erasure (DSR-7): searches every text and binary column of every table in
 * the database — Steward's and Camunda's ACT_* alike — for a person's identifiers and names the columns
 * where any of them still occurs, never the value. It reads the live schema, so a table added later is
 * searched without anyone remembering to list it.
 *
 * <p>Tables are scanned concurrently ({@code steward.privacy.residue-scan.parallelism}, default the number of
 * processors): the check is one pass over every row of the database, and the database spends it on CPU
 * (the regular expression over each row's joined text), so one table at a time leaves cores idle. Each
 * worker uses its own pooled connection and so reads committed data, outside any transaction of the caller;
 * that is what the check needs, since the erasure it verifies committed in an earlier job.
 */
@Service
public class ResidueScan {

    /** A place where an identifier was found: table and column, nothing else. */
    public record Residue(String table, String column) {
    }

    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "text", "tinytext", "mediumtext", "longtext",
            "clob", "character", "character varying", "character large object", "nvarchar", "nchar");
    private static final Set<String> BINARY_TYPES = Set.of("blob", "tinyblob", "mediumblob", "longblob", "binary",
            "varbinary", "binary large object", "binary varying");

    private final JdbcTemplate jdbc;
    private final boolean h2;
    private final int parallelism;

    ResidueScan(JdbcTemplate jdbc, DataSource dataSource,
            @Value("${steward.privacy.residue-scan.parallelism:0}") int parallelism) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        }
        int wanted = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
        // The caller may hold a connection in its transaction while it waits for the workers (ErasureSteps.verify
        // does); at most half the pool goes to one scan, so the caller, the job executor and requests still get one.
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            wanted = Math.min(wanted, dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() / 2);
        }
        this.parallelism = Math.max(1, wanted);
    }

    /**
     * Every (table, column) holding any of {@code identifiers} (compared case-insensitively in text),
     * except the tables named in {@code excludedTables} (e.g. the erasure's own short-lived work list).
     * Each table is read once, whatever its number of columns: one aggregate per column says whether
     * any row holds an identifier there.
     */
    public List<Residue> find(Collection<String> identifiers, Collection<String> excludedTables) {
        List<String> needles = identifiers.stream().filter(s -> s != null && s.length() >= 3)
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        if (needles.isEmpty()) {
            return List.of();
        }
        Set<String> excluded = excludedTables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        for (Map<String, Object> column : columns()) {
            String table = String.valueOf(column.get("table_name"));
            String type = String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT);
            boolean binary = BINARY_TYPES.contains(type);
            if (excluded.contains(table.toLowerCase(Locale.ROOT)) || (!binary && !TEXT_TYPES.contains(type))) {
                continue;
            }
            tables.computeIfAbsent(table, t -> new ArrayList<>()).add(new Column(String.valueOf(column.get("column_name")), binary));
        }
        return scanAll(tables, needles);
    }

    /**
     * Every table on the pool, the largest first (so the longest scan does not start last); results in the
     * order of {@code tables} (table name, then column position), whatever order the scans finish in. With a
     * parallelism of 1 (or a pool of one or two connections) the tables are scanned inline instead.
     */
    private List<Residue> scanAll(Map<String, List<Column>> tables, List<String> needles) {
        if (parallelism == 1) { // one at a time on the caller's thread and connection, as before
            List<Residue> found = new ArrayList<>();
            tables.forEach((table, columns) -> found.addAll(scan(table, columns, needles)));
            return found;
        }
        Map<String, Long> sizes = estimatedRows();
        List<String> largestFirst = tables.keySet().stream()
                .sorted((a, b) -> Long.compare(sizes.getOrDefault(b, 0L), sizes.getOrDefault(a, 0L))).toList();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, tables.size())), task -> {
            Thread thread = new Thread(task, "residue-scan-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<List<Residue>>> scans = new LinkedHashMap<>();
            largestFirst.forEach(table -> scans.put(table, pool.submit(() -> scan(table, tables.get(table), needles))));
            List<Residue> found = new ArrayList<>();
            for (String table : tables.keySet()) {
                found.addAll(scans.get(table).get());
            }
            return found;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("residue scan interrupted", e);
        } finally {
            pool.shutdownNow(); // after a failure, the scans not yet started are dropped
        }
    }

    /** Row estimates (MariaDB/MySQL: table_rows; H2: row_count_estimate), only to order the scans. */
    private Map<String, Long> estimatedRows() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        jdbc.query("SELECT table_name, " + (h2 ? "row_count_estimate" : "table_rows")
                + " FROM information_schema.tables WHERE table_schema = SCHEMA()",
                rs -> { sizes.put(rs.getString(1), rs.getLong(2)); });
        return sizes;
    }

    private record Column(String name, boolean binary) {
    }

    private List<Map<String, Object>> columns() {
        return jdbc.queryForList("SELECT table_name, column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = SCHEMA() ORDER BY table_name, ordinal_position");
    }

    /**
     * First one cheap pass over the table: all its searched columns of a row joined and lower-cased once, and
     * one regular expression for all needles. Only a table where that finds something (rare: after an
     * erasure, nothing should) is read again, column by column, to name the columns. A needle cannot hide from
     * the first pass, since whatever a column holds its row's joined text holds too; a needle spanning two
     * columns only costs the second pass, which decides.
     */
    private List<Residue> scan(String table, List<Column> columns, List<String> needles) {
        String joined = "CONCAT_WS('|', " + columns.stream().map(c -> c.binary() ? binaryText(c.name()) : quote(c.name()))
                .collect(Collectors.joining(", ")) + ", '')"; // H2 wants two values at least
        String regex = needles.stream().map(ResidueScan::escapeRegex).collect(Collectors.joining("|"));
        // On MariaDB/MySQL CONCAT_WS yields NULL when the joined row would exceed max_allowed_packet: that row
        // counts as a possible hit, so the column pass decides.
        String anyHit = h2 ? "MAX(CASE WHEN REGEXP_LIKE(COALESCE(LOWER(" + joined + "), ''), ?) THEN 1 ELSE 0 END)"
                : "MAX(COALESCE(LOWER(" + joined + ") REGEXP ?, 1))";
        Integer hit = jdbc.queryForObject("SELECT " + anyHit + " FROM " + quote(table), Integer.class, regex);
        if (hit == null || hit == 0) {
            return List.of();
        }
        return scanColumns(table, columns, needles);
    }

    /** Per column, 1 if any row holds any needle there. */
    private List<Residue> scanColumns(String table, List<Column> columns, List<String> needles) {
        List<String> hits = new ArrayList<>();
        List<Object> patterns = new ArrayList<>();
        for (Column column : columns) {
            String value = column.binary() ? binaryAsText(column.name()) : "LOWER(" + quote(column.name()) + ")";
            hits.add("MAX(CASE WHEN " + needles.stream().map(n -> value + " LIKE ?").collect(Collectors.joining(" OR "))
                    + " THEN 1 ELSE 0 END)");
            needles.forEach(n -> patterns.add("%" + escapeLike(n) + "%"));
        }
        return jdbc.query("SELECT " + String.join(", ", hits) + " FROM " + quote(table), rs -> {
            List<Residue> found = new ArrayList<>();
            if (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    if (rs.getInt(i + 1) == 1) {
                        found.add(new Residue(table, columns.get(i).name()));
                    }
                }
            }
            return found;
        }, patterns.toArray());
    }

    /** Binary columns hold serialised values and byte arrays; searched as UTF-8 text, case-insensitively. */
    private String binaryAsText(String column) {
        return "LOWER(" + binaryText(column) + ")";
    }

    private String binaryText(String column) {
        return h2 ? "UTF8TOSTRING(" + quote(column) + ")" : "CONVERT(" + quote(column) + " USING utf8mb4)";
    }

    /** A needle as a literal in both PCRE (MariaDB/MySQL) and java.util.regex (H2): ASCII punctuation escaped. */
    static String escapeRegex(String needle) {
        StringBuilder escaped = new StringBuilder(needle.length() + 8);
        needle.chars().forEach(c -> {
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.append((char) c);
        });
        return escaped.toString();
    }

    private String quote(String identifier) {
        return h2 ? "\"" + identifier.replace("\"", "\"\"") + "\"" : "`" + identifier.replace("`", "``") + "`";
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
