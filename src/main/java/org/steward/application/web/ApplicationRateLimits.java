package org.steward.application.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;
import org.steward.subjects.DataSubjects;
import org.steward.system.StewardProperties;
import org.steward.system.StewardProperties.Application.RateLimit;

/**
 * Issue 7 finding 6: how many applications one client address (an IPv6 /64) and one applicant email may
 * submit (steward.application.rate-limit.*), as Bucket4j token buckets in this instance's memory. Only a
 * submission that passed every field check takes a token; over the limit nothing is stored or sent.
 * A bucket that has refilled completely is the same as a new one, so the maps drop those when they grow.
 */
@Component
class ApplicationRateLimits {

    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byEmail = new ConcurrentHashMap<>();
    private volatile RateLimit limits;

    ApplicationRateLimits(StewardProperties properties) {
        this.limits = properties.application().rateLimit();
    }

    /** Takes one application from both allowances, or throws {@link TooManyApplications} with the wait. */
    void take(String clientAddress, String email) {
        RateLimit current = limits;
        take(byAddress, clientKey(clientAddress), current.perAddress(), current.perAddressWindow(),
                "Too many applications from your network address");
        if (email != null) {
            take(byEmail, DataSubjects.normaliseEmail(email), current.perEmail(), current.perEmailWindow(),
                    "Too many applications for this email address");
        }
    }

    /** An IPv6 client is handed a whole /64, so all its addresses count as one client. */
    static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
            }
        } catch (UnknownHostException e) {
            // not an address after all: count it as it is
        }
        return address;
    }

    /** For the test that proves the limit: other limits, every bucket full again. */
    void useLimits(RateLimit newLimits) {
        this.limits = newLimits;
        byAddress.clear();
        byEmail.clear();
    }

    RateLimit limits() {
        return limits;
    }

    private static void take(Map<String, Bucket> buckets, String key, int capacity, Duration window, String refusal) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyApplications(refusal + ": please try again in " + describe(seconds) + ".", seconds);
        }
    }

    private static String describe(long seconds) {
        if (seconds < 90) {
            return "a minute";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) {
            return minutes + " minutes";
        }
        return ((minutes + 59) / 60) + " hours";
    }
}
