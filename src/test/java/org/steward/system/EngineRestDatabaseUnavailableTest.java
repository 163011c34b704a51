package org.steward.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the engine REST API answers 503, not 500, while the database is away, also when that shows as the
 * engine's persistence exception around the pool's timeout (DatabaseRestartMariaDbTest met the 500 when connections
 * were borrowed at a transaction's first statement, tried and undone).
 */
class EngineRestDatabaseUnavailableTest {

    private final EngineRestDatabaseUnavailable.Persistence mapper = new EngineRestDatabaseUnavailable.Persistence();

    @Test
    void aStatementThatGotNoConnection_is503WithRetryAfter() {
        Response response = mapper.toResponse(new ProcessEnginePersistenceException("select failed",
                new RuntimeException(new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    }

    @Test
    void anyOtherPersistenceFailure_isAnsweredAsTheEngineWould() {
        Response response = mapper.toResponse(new ProcessEnginePersistenceException("bad statement",
                new SQLException("Unknown column", "42S22")));
        assertThat(response.getStatus()).isEqualTo(500);
    }
}
