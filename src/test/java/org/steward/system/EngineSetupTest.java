package org.steward.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.IntegrationTest;

/** The engine is set up for production from the start: history, retries, cleanup, isolation, TTLs. */
class EngineSetupTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    DataSource dataSource;

    @Test
    void historyRetriesCleanupAndIsolation_areConfigured() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryLevel().getName()).isEqualTo(HistoryWithoutSensitiveVariables.NAME);
        assertThat(config.getFailedJobRetryTimeCycle()).isEqualTo("PT1M,PT5M,PT30M");
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(config.isAuthorizationEnabled()).isTrue();
        assertThat(config.isProducePrioritizedJobs()).as("no process sets a job priority (issue 14)").isFalse();
        assertThat(((HikariDataSource) dataSource).getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
        // RET-2: every deployed process has a history time-to-live.
        assertThat(repository.createProcessDefinitionQuery().list())
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isNotNull().isPositive());
    }
}
