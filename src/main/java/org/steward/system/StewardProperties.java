package org.steward.system;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code steward.*}: one typed place for the service's own settings. */
@ConfigurationProperties(prefix = "steward")
public record StewardProperties(String baseUrl, Mail mail, Application application, Outbox outbox) {

    public record Mail(String from) {
    }

    /**
     * APP-2 minimum age, APP-3 referee count and timings; how long an applicant has to confirm their
     * address before the application is discarded, and how often anyone may apply (issue 7 finding 6).
     */
    public record Application(int minimumAge, int minReferees, int maxReferees,
                              Period referenceReminderAfter, Period referenceExpiresAfter,
                              Period moreInformationWait, Period linkValidity,
                              Period emailConfirmationWait, RateLimit rateLimit) {

        /** Applications accepted per client address and per applicant email, each within its window. */
        public record RateLimit(int perAddress, Duration perAddressWindow, int perEmail, Duration perEmailWindow) {
        }
    }

    /**
     * Mail dispatch: how often the outbox is polled, how many mails one batch (one SMTP connection) holds, how
     * many attempts a mail gets, and its backoff: {@code firstRetry} after the first failure, doubling up to
     * {@code longestRetry}; {@code claimLease}: how long a claimed batch is the claiming instance's (if it dies
     * mid-batch, another instance sends the batch after that, with the same Message-IDs).
     */
    public record Outbox(Duration pollInterval, int batchSize, int maxAttempts, Duration firstRetry, Duration longestRetry,
                         Duration claimLease) {
    }
}
