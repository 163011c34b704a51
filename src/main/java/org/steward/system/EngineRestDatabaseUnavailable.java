package org.steward.system;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The engine REST API ({@code /engine-rest}) turns every exception into a response of its own (Camunda's JAX-RS
 * exception mappers), so {@link DatabaseUnavailable} never sees it: a call that began while the database was there
 * and lost it midway (the rollback then fails on the dead connection: "Unable to rollback against JDBC Connection")
 * answered 500. These mappers are closer to Spring's transaction and data-access exceptions than Camunda's
 * catch-all one, so they win for those: a connection failure is a 503 with Retry-After, anything else is answered
 * exactly as Camunda would (found by DatabaseRestartMariaDbTest).
 */
final class EngineRestDatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(EngineRestDatabaseUnavailable.class);

    private EngineRestDatabaseUnavailable() {
    }

    static Response toResponse(Throwable failure) {
        if (!DatabaseUnavailable.isConnectionFailure(failure)) {
            return ExceptionHandlerHelper.getInstance().getResponse(failure);
        }
        log.warn("Database unreachable, answered 503 to an engine REST call: {}", failure.getClass().getSimpleName());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"type\":\"DatabaseUnavailable\",\"message\":\"The service cannot reach its database just now. "
                        + "Nothing was changed; please try again in a few seconds.\",\"code\":null}")
                .build();
    }

    /** Spring's data-access exceptions (a failed rollback is a JpaSystemException). */
    static final class DataAccess implements ExceptionMapper<DataAccessException> {
        @Override
        public Response toResponse(DataAccessException exception) {
            return EngineRestDatabaseUnavailable.toResponse(exception);
        }
    }

    /**
     * The engine's wrapper of a failed statement: a connection that broke, or could not be had, between the engine's
     * statements of one call.
     */
    static final class Persistence implements ExceptionMapper<ProcessEnginePersistenceException> {
        @Override
        public Response toResponse(ProcessEnginePersistenceException exception) {
            return EngineRestDatabaseUnavailable.toResponse(exception);
        }
    }

    /** Spring's transaction exceptions (no connection to begin with, a commit that could not be sent). */
    static final class Transaction implements ExceptionMapper<TransactionException> {
        @Override
        public Response toResponse(TransactionException exception) {
            return EngineRestDatabaseUnavailable.toResponse(exception);
        }
    }
}
