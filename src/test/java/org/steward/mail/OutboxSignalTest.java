package org.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The sender is woken by committed mail only (issue 14: no poll interval on the application's path). */
class OutboxSignalTest {

    private final OutboxSignal signal = new OutboxSignal();

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void mailQueuedInATransaction_wakesTheSenderOnlyOnceItIsCommitted() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        signal.mailQueued();
        assertThat(signal.await(Duration.ofMillis(50))).as("before commit").isFalse();
        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat(signal.await(Duration.ofMillis(50))).as("after commit").isTrue();
        assertThat(signal.await(Duration.ofMillis(50))).as("one wake-up per round, not one per mail").isFalse();
    }

    @Test
    void mailQueuedInATransactionThatRollsBack_wakesNobody() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        signal.mailQueued();
        TransactionSynchronizationManager.clearSynchronization(); // rolled back: afterCommit never runs
        assertThat(signal.await(Duration.ofMillis(50))).isFalse();
    }

    @Test
    void withoutATransaction_theSenderIsWokenAtOnce() throws Exception {
        signal.mailQueued();
        signal.mailQueued();
        assertThat(signal.await(Duration.ofMillis(50))).isTrue();
        assertThat(signal.await(Duration.ofMillis(50))).isFalse();
    }
}
