package org.steward.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the outbox. Tests switch it off and call the dispatcher themselves. */
@Component
@ConditionalOnProperty(name = "steward.outbox.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class OutboxScheduler {

    private final OutboxDispatcher dispatcher;

    OutboxScheduler(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${steward.outbox.poll-interval}", initialDelayString = "PT2S")
    void dispatch() {
        dispatcher.dispatchDue();
    }
}
