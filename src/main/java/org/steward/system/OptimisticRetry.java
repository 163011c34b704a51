package org.steward.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in its own transaction and runs it again if it lost an optimistic-locking
 * race (two members' clicks correlating into one process instance at once). The work must be
 * idempotent across attempts; consuming a single-use link in the same transaction makes it so.
 */
@Component
public class OptimisticRetry {

    private static final int ATTEMPTS = 5;

    private final TransactionTemplate transaction;

    OptimisticRetry(PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public <T> T inTransaction(Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (OptimisticLockingException | OptimisticLockingFailureException e) {
                last = e;
                sleepBriefly(attempt);
            }
        }
        throw last;
    }

    private static void sleepBriefly(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
