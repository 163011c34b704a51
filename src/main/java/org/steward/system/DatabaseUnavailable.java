package org.steward.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request that needs it fails; the client should hear "try again
 * shortly" (503 with Retry-After, problem details), not "we have a bug" (500). This filter sits outside every
 * other one (Spring Security asks the engine's identity service, so it fails there first) and answers 503 when
 * the failure was a connection failure: no connection from the pool in time, a connection refused or cut, SQL
 * state class 08. Any other exception goes on to the usual error handling untouched. Nothing was stored: the
 * transaction could not even begin, or was rolled back when its connection broke.
 */
class DatabaseUnavailable extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!isConnectionFailure(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unreachable, answered 503 to {} {}: {}", request.getMethod(), withoutLinkToken(request.getRequestURI()),
                    rootMessage(e));
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("""
                    {"type":"about:blank","title":"Service Unavailable","status":503,\
                    "detail":"The service cannot reach its database just now. Nothing was changed; please try again in a few seconds.",\
                    "instance":"%s"}""".formatted(request.getRequestURI().replace("\\", "").replace("\"", "")));
        }
    }

    /** A link's token is a credential: the log names the link's page, never its token. */
    static String withoutLinkToken(String uri) {
        return uri.replaceFirst("(/links/[^/]+/)[^/?;]+", "$1{token}");
    }

    /** True when something in the cause chain says the database could not be reached (not: the SQL was wrong). */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // The database went away mid-transaction: the pool closed the broken connection, and the rollback's
            // failure on it ("Connection is closed", no SQL state) replaced the original communications error.
            if (t instanceof SQLException && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isConnectionFailure(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
