package org.steward.mail;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the outbox sender when mail has been committed, so a mail goes out right after the step that wanted it
 * rather than at the next poll (issue 14: three mails on an application's path each waited up to a poll
 * interval). Only after commit: a rolled-back step queued nothing, and before commit the sender cannot see it.
 * The poll stays as the fallback for retries and for mail queued by another instance.
 */
@Component
class OutboxSignal {

    private final Semaphore queued = new Semaphore(0);

    void mailQueued() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queued.release();
                }
            });
        } else {
            queued.release();
        }
    }

    /** Waits until mail was queued or {@code timeout} passed; every signal given meanwhile is used up. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean signalled = queued.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        queued.drainPermits();
        return signalled;
    }
}
