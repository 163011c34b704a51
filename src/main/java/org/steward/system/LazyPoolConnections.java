package org.steward.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Hands out the pool's connections only when a transaction sends its first statement. The engine runs some
 * commands in a transaction of their own that never touch the database (its listener after every successful job,
 * for one), and each still took a pooled connection and cost three round trips (SET autocommit=0, COMMIT, SET
 * autocommit=1): five empty transactions per application flow under ApplicationFlowBenchmark (issue 14). Spring's
 * {@link LazyConnectionDataSourceProxy} records auto-commit, isolation and read-only until a statement needs the real
 * connection, and a commit or rollback with none is nothing. The pool stays reachable through {@code unwrap}, as
 * Spring Boot's pool metrics and health checks expect.
 */
@Component
class LazyPoolConnections implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            return lazy(pool);
        }
        return bean;
    }

    static DataSource lazy(HikariDataSource pool) {
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy();
        proxy.setTargetDataSource(pool);
        // What every connection of the pool starts with, so the proxy need not borrow one to find out.
        proxy.setDefaultAutoCommit(pool.isAutoCommit());
        if (pool.getTransactionIsolation() != null) {
            proxy.setDefaultTransactionIsolationName(pool.getTransactionIsolation());
        }
        proxy.afterPropertiesSet();
        return proxy;
    }
}
