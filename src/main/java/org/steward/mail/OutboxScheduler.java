package org.steward.mail;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.steward.system.StewardProperties;

/**
 * Sends what the outbox holds, on a thread of its own: right after a step committed mail ({@link OutboxSignal}),
 * and at least every {@code steward.outbox.poll-interval} for retries and mail other instances queued. Tests
 * switch it off and call the dispatcher themselves.
 */
@Component
@ConditionalOnProperty(name = "steward.outbox.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class OutboxScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxScheduler.class);
    private static final Duration FIRST_RUN_AFTER = Duration.ofSeconds(2);

    private final OutboxDispatcher dispatcher;
    private final OutboxSignal signal;
    private final Duration pollInterval;
    private volatile Thread sender;

    OutboxScheduler(OutboxDispatcher dispatcher, OutboxSignal signal, StewardProperties properties) {
        this.dispatcher = dispatcher;
        this.signal = signal;
        this.pollInterval = properties.outbox().pollInterval();
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::sendUntilStopped, "outbox-sender");
        thread.setDaemon(true);
        sender = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = sender;
        sender = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }

    private void sendUntilStopped() {
        try {
            Thread.sleep(FIRST_RUN_AFTER.toMillis());
            while (sender == Thread.currentThread()) {
                try {
                    dispatcher.dispatchDue();
                } catch (RuntimeException e) {
                    // As a scheduled task would: logged, and the next round tries again (the database may be away).
                    log.warn("Outbox: sending failed, trying again at the next round: {}", e.toString());
                }
                signal.await(pollInterval);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
