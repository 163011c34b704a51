package org.steward.audit.view;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.CaseDeadlines;

/** Every case of every process, from the engine's history (AUD-2), filtered and paged. */
@Service
class CaseList {

    /** One case as the list shows it: no variables, no names, only the case's key and times. */
    record Row(String process, String processName, String businessKey, Instant started, Instant ended, String state) {
    }

    record Page(List<Row> rows, long total, int page, int pages) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RepositoryService repository;
    private final List<CaseDeadlines> deadlines;
    private final Clock clock;

    CaseList(NamedParameterJdbcTemplate jdbc, RepositoryService repository, List<CaseDeadlines> deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Every deployed process, key to name (the latest version's name), sorted by name. */
    Map<String, String> processes() {
        Map<String, String> byKey = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionName().asc().list()
                .forEach((ProcessDefinition d) -> byKey.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return byKey;
    }

    /**
     * The filtered page and its total, read from the engine's history table directly: the HistoryService query wraps
     * ACT_HI_PROCINST in a derived table joined with the definitions, which MariaDB materialises whole to count
     * it (1.1 s for 100,000 cases, AuditViewBenchmark); a count and a page over the table's own start-time index
     * take a fraction of that. Only keys, ids and times are read, never a variable. Each row is named after its
     * process as {@code processNames} (from {@link #processes()}) names it.
     */
    @Transactional(readOnly = true)
    Page find(CaseFilter filter, Map<String, String> processNames) {
        StringBuilder where = new StringBuilder(" WHERE START_TIME_ >= :from AND START_TIME_ < :to");
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", Timestamp.from(filter.period().start())).addValue("to", Timestamp.from(filter.period().end()));
        if (filter.process() != null) {
            where.append(" AND PROC_DEF_KEY_ = :process");
            parameters.addValue("process", filter.process());
        }
        if ("running".equals(filter.state())) {
            where.append(" AND END_TIME_ IS NULL");
        } else if ("completed".equals(filter.state())) {
            where.append(" AND END_TIME_ IS NOT NULL");
        }
        if (filter.deadlineMissed()) {
            Set<String> keys = new HashSet<>();
            Instant now = clock.instant();
            deadlines.forEach(source -> keys.addAll(source.casesWithMissedDeadline(now)));
            if (keys.isEmpty()) {
                return new Page(List.of(), 0, 1, 1);
            }
            where.append(" AND BUSINESS_KEY_ IN (:keys)");
            parameters.addValue("keys", keys);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST" + where, parameters, Long.class);
        parameters.addValue("limit", CaseFilter.PAGE_SIZE).addValue("offset", filter.firstResult());
        List<Row> rows = jdbc.query("SELECT PROC_DEF_KEY_, BUSINESS_KEY_, START_TIME_, END_TIME_ FROM ACT_HI_PROCINST" + where
                        + " ORDER BY START_TIME_ DESC, ID_ DESC LIMIT :limit OFFSET :offset", parameters,
                (rs, n) -> {
                    String key = rs.getString("PROC_DEF_KEY_");
                    Timestamp ended = rs.getTimestamp("END_TIME_");
                    return new Row(key, processNames.getOrDefault(key, key), rs.getString("BUSINESS_KEY_"),
                            rs.getTimestamp("START_TIME_").toInstant(), ended == null ? null : ended.toInstant(),
                            ended == null ? "running" : "completed");
                });
        long count = total == null ? 0 : total;
        int pages = (int) Math.max(1, (count + CaseFilter.PAGE_SIZE - 1) / CaseFilter.PAGE_SIZE);
        return new Page(rows, count, filter.page(), pages);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
