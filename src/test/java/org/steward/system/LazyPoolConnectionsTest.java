package org.steward.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/** Issue 14: a transaction that sends no statement borrows no pooled connection and sends nothing. */
class LazyPoolConnectionsTest {

    @Test
    void aConnectionIsBorrowedFromThePool_onlyWhenAStatementNeedsIt() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:lazy-" + System.nanoTime());
            pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            pool.getConnection().close(); // starts the pool
            DataSource lazy = new LazyPoolConnections().postProcessAfterInitialization(pool, "dataSource") instanceof DataSource d ? d : null;
            assertThat(lazy).isNotNull().isNotSameAs(pool);
            assertThat(lazy.isWrapperFor(HikariDataSource.class)).isTrue();
            assertThat(lazy.unwrap(HikariDataSource.class)).isSameAs(pool);

            try (Connection connection = lazy.getConnection()) {
                connection.setAutoCommit(false);
                assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
                connection.commit();
                assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("an empty transaction").isZero();

                try (ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
                    assertThat(one.next()).isTrue();
                }
                assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("after a statement").isEqualTo(1);
                assertThat(connection.getAutoCommit()).as("what the transaction set reached the real connection").isFalse();
                connection.commit();
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    @Test
    void otherBeansAreLeftAlone() {
        Object other = new Object();
        assertThat(new LazyPoolConnections().postProcessAfterInitialization(other, "x")).isSameAs(other);
    }
}
