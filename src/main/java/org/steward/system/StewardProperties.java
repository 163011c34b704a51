package org.steward.system;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code steward.*}: one typed place for the service's own settings. */
@ConfigurationProperties(prefix = "steward")
public record StewardProperties(String baseUrl, Mail mail, Application application, Outbox outbox) {

    public record Mail(String from) {
    }

    /** APP-2 minimum age, APP-3 referee count and timings. */
    public record Application(int minimumAge, int minReferees, int maxReferees,
                              Period referenceReminderAfter, Period referenceExpiresAfter,
                              Period moreInformationWait, Period linkValidity) {
    }

    public record Outbox(Duration pollInterval, int batchSize, int maxAttempts) {
    }
}
