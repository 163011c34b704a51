package org.steward.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.privacy.*}: how long deactivated members are kept and how the daily sweep runs (DSR-6, RET-1).
 *
 * @param retentionAfterDeactivation how long a deactivated member's data is kept (and they can reactivate) before it is anonymised
 * @param manageLinkValidity         lifetime of the "manage my membership" link in every member mail
 * @param retentionSweepCycle        when the sweep runs: a Camunda cron expression (seconds first), in the server's time zone
 * @param deliveredMailRetention     how long the outbox keeps the recipient of mail it delivered (or gave up)
 */
@ConfigurationProperties(prefix = "steward.privacy")
public record RetentionSettings(@DefaultValue("P12M") Period retentionAfterDeactivation,
                                @DefaultValue("P12M") Period manageLinkValidity,
                                @DefaultValue("0 0 2 * * ?") String retentionSweepCycle,
                                @DefaultValue("P30D") Period deliveredMailRetention) {

    /** The instant {@code period} after {@code from}, counted in calendar months and days (UTC). */
    public static Instant after(Instant from, Period period) {
        return from.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    /** The instant {@code period} before {@code from}. */
    public static Instant before(Instant from, Period period) {
        return from.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    /** {@code period} from {@code from} as a fixed duration, for a link's lifetime. */
    public static Duration lengthFrom(Instant from, Period period) {
        return Duration.between(from, after(from, period));
    }
}
