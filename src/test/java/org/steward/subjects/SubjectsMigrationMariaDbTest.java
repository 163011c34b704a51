package org.steward.subjects;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The V3 migration on the real MariaDB/MySQL server named by -Dsteward.it.jdbc-url, in a database of
 * its own next to the named one ({@code <name>_v3_migration}, created and dropped here), so the
 * journeys' schema is untouched.
 */
@Tag("real-database")
@EnabledIfSystemProperty(named = "steward.it.jdbc-url", matches = ".+")
class SubjectsMigrationMariaDbTest extends SubjectsMigrationScenario {

    private final String url = System.getProperty("steward.it.jdbc-url");
    private final String database = url.replaceFirst("^[^/]*//[^/]+/([^?]*).*$", "$1") + "_v3_migration";
    private final String user = System.getProperty("steward.it.jdbc-user", "root");
    private final String password = System.getProperty("steward.it.jdbc-password", "");

    @Override
    protected DataSource emptyDatabase() {
        JdbcTemplate server = new JdbcTemplate(new DriverManagerDataSource(url, user, password));
        server.execute("DROP DATABASE IF EXISTS " + database);
        server.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new DriverManagerDataSource(url.replaceFirst("(//[^/]+/)[^?]*", "$1" + database), user, password);
    }

    @AfterEach
    void dropDatabase() {
        new JdbcTemplate(new DriverManagerDataSource(url, user, password)).execute("DROP DATABASE IF EXISTS " + database);
    }
}
