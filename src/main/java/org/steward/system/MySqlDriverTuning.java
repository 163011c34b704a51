package org.steward.system;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connector/J settings for a MySQL or MariaDB connection pool, whatever URL production configures: the driver parses
 * every statement's SQL again each time it is prepared unless it keeps the parse per connection, and asks the server
 * for session state it already knows. Under ApplicationFlowBenchmark (issue 14) the driver was a fifth of the
 * service's CPU. These are the settings HikariCP recommends for MySQL; server-side prepared statements and batch
 * rewriting stay off (the engine's batched updates count rows per statement). Settings already in the URL or the
 * pool's data-source properties win. H2 gets nothing: it refuses settings it does not know.
 */
@Component
class MySqlDriverTuning implements BeanPostProcessor {

    static final Map<String, String> SETTINGS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "500",
            "prepStmtCacheSqlLimit", "16384",
            "useLocalSessionState", "true",
            "cacheServerConfiguration", "true",
            "elideSetAutoCommits", "true",
            "maintainTimeStats", "false",
            // Nothing in Steward's SQL, Hibernate's or the engine's mappings uses JDBC escapes ({fn ...}, {ts ...}): without
            // this the driver scans every statement it prepares for them.
            "processEscapeCodesForPrepStmts", "false",
            "openTelemetry", "DISABLED");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:mysql:")) {
            SETTINGS.forEach((name, value) -> {
                if (!pool.getJdbcUrl().contains(name + "=") && !pool.getDataSourceProperties().containsKey(name)) {
                    pool.addDataSourceProperty(name, value);
                }
            });
        }
        return bean;
    }
}
