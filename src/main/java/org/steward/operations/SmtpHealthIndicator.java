package org.steward.operations;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;
import org.steward.mail.OutboxMonitor;

/**
 * The SMTP server as health "smtp" (issue 14). Unreachable is DEGRADED, not DOWN: the outbox keeps every mail and
 * sends it when the server is back, so the service stays ready (DEGRADED maps to HTTP 200, see
 * application.properties) and no load balancer takes it out of rotation for a mail outage.
 */
@Component("smtp")
class SmtpHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Mail is queued in the outbox until the SMTP server answers");

    private final OutboxMonitor outbox;

    SmtpHealthIndicator(OutboxMonitor outbox) {
        super("SMTP health check failed");
        this.outbox = outbox;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("server", outbox.smtpServer());
        try {
            outbox.checkSmtp();
            builder.up();
        } catch (Exception e) {
            builder.status(DEGRADED).withDetail("error", e.getClass().getSimpleName());
        }
        builder.withDetail("pending", outbox.pending());
    }
}
