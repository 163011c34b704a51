package org.steward.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.steward.mail.OutboxMonitor;

/**
 * The gauges operators watch (issue 14; README, Operations), read from the database at each scrape, so every
 * instance reports the same cluster-wide figures. The outbox's counters (mails sent, failed attempts) are the
 * dispatcher's own, per instance. Deadlines come from the modules that keep them ({@link OpenDeadlines}), never
 * from their tables.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final OutboxMonitor outbox;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final List<OpenDeadlines> deadlines;
    private final Clock clock;
    private final Duration horizon;

    OperationsMetrics(OutboxMonitor outbox, ManagementService management, RuntimeService runtime, List<OpenDeadlines> deadlines,
                      Clock clock,
                      @Value("${steward.operations.deadline-horizon:PT24H}") Duration horizon) {
        this.outbox = outbox;
        this.management = management;
        this.runtime = runtime;
        this.deadlines = deadlines;
        this.clock = clock;
        this.horizon = horizon;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "steward.outbox.queue.depth", "Mails waiting to be sent or retried", m -> m.outbox.pending());
        gauge(registry, "steward.outbox.given.up", "Mails given up (FAILED) in the outbox, ever", m -> m.outbox.failed());
        TimeGauge.builder("steward.outbox.oldest.pending.age", this, TimeUnit.SECONDS, OperationsMetrics::oldestPendingAgeSeconds)
                .description("How long the oldest mail still waiting has been queued (0: none waiting)").register(registry);
        gauge(registry, "steward.jobs.executable", "Engine jobs due and with retries left: the job executor's backlog",
                m -> m.management.createJobQuery().executable().count());
        gauge(registry, "steward.jobs.failed", "Engine jobs with no retries left (each is an incident)",
                m -> m.management.createJobQuery().noRetriesLeft().count());
        gauge(registry, "steward.incidents.open", "Open engine incidents: failed jobs and undeliverable mails",
                m -> m.runtime.createIncidentQuery().count());
        Gauge.builder("steward.incidents.open.undeliverable.mail", this,
                        m -> m.runtime.createIncidentQuery().incidentType(UndeliverableMailIncidents.INCIDENT_TYPE).count())
                .description("Open incidents raised because a case's mail could not be delivered").register(registry);
        deadlines.forEach(due -> deadlineGauges(registry, due));
    }

    /** Per process: open deadlines due within the horizon ({@code steward.operations.deadline-horizon}), and those past due. */
    private void deadlineGauges(MeterRegistry registry, OpenDeadlines due) {
        Gauge.builder("steward.deadlines.due.soon", this, m -> due.dueBetween(m.clock.instant(), m.clock.instant().plus(m.horizon)))
                .tag("process", due.process()).tag("within", horizon.toString())
                .description("Open deadlines due between now and the horizon").register(registry);
        Gauge.builder("steward.deadlines.overdue", this, m -> due.dueBetween(Instant.EPOCH, m.clock.instant()))
                .tag("process", due.process()).description("Open deadlines past their due time").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<OperationsMetrics> value) {
        Gauge.builder(name, this, value).description(description).register(registry);
    }

    private double oldestPendingAgeSeconds() {
        return outbox.oldestPendingQueuedAt().map(queued -> Math.max(0, Duration.between(queued, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
