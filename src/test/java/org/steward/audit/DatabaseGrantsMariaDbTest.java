package org.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steward.support.IntegrationTest;

/**
 * AUD-3 on a real MariaDB/MySQL server (-Dsteward.it.jdbc-url): the whole service runs as a user holding
 * exactly the grants of docs/mysql-grants.sql (schema changes as the owner: root here, as Flyway's
 * spring.flyway.user). That user appends to the trail and verifies it, but its UPDATE and DELETE on the
 * trail are refused by the database; a row changed with SQL by someone who can (an administrator) is named
 * by /api/audit/verify.
 */
@Tag("real-database")
@DirtiesContext // one engine per JVM at a time (see ApplicationJourneyMariaDbTest)
@EnabledIfSystemProperty(named = "steward.it.jdbc-url", matches = ".+")
class DatabaseGrantsMariaDbTest extends IntegrationTest {

    private static final String PASSWORD = "grants-" + UUID.randomUUID();

    @Autowired
    AuditTrail trail;

    @DynamicPropertySource
    static void restrictedUser(DynamicPropertyRegistry registry) throws SQLException {
        String url = System.getProperty("steward.it.jdbc-url");
        String schema = url.replaceFirst("^jdbc:\\w+://[^/]+/", "").replaceFirst("\\?.*$", "");
        String user = appUser(schema);
        // The owner's part, done before the service starts: Flyway's migrations and Camunda's tables.
        Flyway.configure().dataSource(url, ownerUser(), ownerPassword()).locations("classpath:db/migration").load().migrate();
        createCamundaTablesIfMissing(url);
        try (Connection root = owner(); Statement sql = root.createStatement()) {
            sql.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            for (String statement : GrantsFile.appStatementsFor(schema, user, PASSWORD)) {
                sql.execute(statement);
            }
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> PASSWORD);
        // As in the mysql profile: Flyway connects as the owner, the service as steward_app.
        registry.add("spring.flyway.user", DatabaseGrantsMariaDbTest::ownerUser);
        registry.add("spring.flyway.password", DatabaseGrantsMariaDbTest::ownerPassword);
    }

    @AfterAll
    static void dropUser() throws SQLException {
        String url = System.getProperty("steward.it.jdbc-url");
        String schema = url.replaceFirst("^jdbc:\\w+://[^/]+/", "").replaceFirst("\\?.*$", "");
        try (Connection root = owner(); Statement sql = root.createStatement()) {
            sql.execute("DROP USER IF EXISTS '" + appUser(schema) + "'@'%'");
        }
    }

    @Test
    void theServiceRunsAsTheAppUser_appendsToTheTrail_andVerifiesIt() {
        assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).startsWith("steward_app_");
        HttpResponse<String> submitted = browser.postJson("/api/applications",
                applicationJson(uniqueEmail("grants"), uniqueEmail("referee"), uniqueEmail("referee")), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        runDueJobs();
        trail.record("peter", "TEST_ACTION", "application-950", "decision=APPROVE");
        assertThat(jdbc.queryForObject("SELECT action FROM audit_entry ORDER BY sequence_no DESC LIMIT 1", String.class))
                .isEqualTo("TEST_ACTION");
        HttpResponse<String> verified = browser.getJson("/api/audit/verify", "audrey");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("\"intact\":true");
    }

    @Test
    void theAppUsersUpdateAndDeleteOnTheTrail_areRefusedByTheDatabase() {
        trail.record("sam", "TEST_ACTION", "incident-950", "notice=ISO");
        long last = jdbc.queryForObject("SELECT MAX(sequence_no) FROM audit_entry", Long.class);
        long entries = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET detail = 'notice=NONE' WHERE sequence_no = ?", last))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("UPDATE command denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE sequence_no = ?", last))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("DELETE command denied");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE TABLE audit_entry")).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("command denied");
        assertThatThrownBy(() -> jdbc.execute("DROP TABLE audit_entry")).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("command denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_chain_head")).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("DELETE command denied");

        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE sequence_no = ?", String.class, last)).isEqualTo("notice=ISO");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(entries);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRowChangedWithSqlByAnAdministrator_isNamedByVerify() throws SQLException {
        trail.record("peter", "TEST_ACTION", "application-951", "decision=REJECT");
        long changed = jdbc.queryForObject("SELECT MAX(sequence_no) FROM audit_entry", Long.class);
        trail.record("system", "TEST_ACTION", "application-951", "deadline=met");
        try (Connection root = owner()) {
            update(root, "UPDATE audit_entry SET detail = 'decision=APPROVE' WHERE sequence_no = ?", changed);
            try {
                HttpResponse<String> verified = browser.getJson("/api/audit/verify", "audrey");
                assertThat(verified.statusCode()).isEqualTo(200);
                assertThat(verified.body()).contains("\"intact\":false", "\"firstBrokenEntry\":" + changed);
            } finally {
                update(root, "UPDATE audit_entry SET detail = 'decision=REJECT' WHERE sequence_no = ?", changed);
            }
        }
        assertThat(browser.getJson("/api/audit/verify", "ada").body()).contains("\"intact\":true");
    }

    private static void update(Connection connection, String sql, long sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, sequence);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    /** Camunda creates its tables on the first start; a fresh database gets them here, as the owner. */
    private static void createCamundaTablesIfMissing(String url) throws SQLException {
        try (Connection root = owner(); ResultSet tables = root.getMetaData().getTables(root.getCatalog(), null, "ACT_GE_PROPERTY", null)) {
            if (tables.next()) {
                return;
            }
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        configuration.setSkipIsolationLevelCheck(true); // schema only: this engine runs nothing
        ProcessEngine engine = configuration.setProcessEngineName("grants-schema").setJdbcUrl(url).setJdbcDriver("com.mysql.cj.jdbc.Driver")
                .setJdbcUsername(ownerUser()).setJdbcPassword(ownerPassword())
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false).buildProcessEngine();
        engine.close();
        // The service's engine records its own history level (full without sensitive variables) on its first start.
        try (Connection root = owner(); Statement sql = root.createStatement()) {
            sql.executeUpdate("DELETE FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'");
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(System.getProperty("steward.it.jdbc-url"), ownerUser(), ownerPassword());
    }

    private static String ownerUser() {
        return System.getProperty("steward.it.jdbc-user", "root");
    }

    private static String ownerPassword() {
        return System.getProperty("steward.it.jdbc-password", "");
    }

    /** steward_app_&lt;schema&gt;, so two databases on one server have two users (at most 32 characters for MySQL). */
    private static String appUser(String schema) {
        String user = "steward_app_" + schema.replaceAll("\\W", "");
        return user.length() > 32 ? user.substring(0, 32) : user;
    }
}
