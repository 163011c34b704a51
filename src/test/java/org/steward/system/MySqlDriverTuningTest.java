package org.steward.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/** Issue 14: a MySQL/MariaDB pool gets the driver's statement cache and local session state; H2 gets nothing. */
class MySqlDriverTuningTest {

    private final MySqlDriverTuning tuning = new MySqlDriverTuning();

    @Test
    void aMySqlPool_getsEverySetting_butKeepsWhatItsUrlOrPropertiesAlreadySay() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:mysql://db:3306/steward?useSSL=false&prepStmtCacheSize=50");
            pool.addDataSourceProperty("maintainTimeStats", "true");
            tuning.postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties()).containsEntry("cachePrepStmts", "true")
                    .containsEntry("useLocalSessionState", "true").containsEntry("openTelemetry", "DISABLED")
                    .containsEntry("processEscapeCodesForPrepStmts", "false")
                    .containsEntry("maintainTimeStats", "true").doesNotContainKey("prepStmtCacheSize");
        }
    }

    @Test
    void anH2Pool_isLeftAlone() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:steward");
            tuning.postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties()).isEmpty();
        }
    }
}
