package org.steward.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without ever locking anyone out (issue 7, finding 5). Failed sign-ins are
 * counted in token buckets (Bucket4j) per account and client address, per client address, and per
 * account. Within a budget of failures (refilled over {@link #WINDOW}) nothing happens; past it, that
 * key allows one attempt every {@link #PACE} and refuses the rest with a wait of at most that long.
 * The per-account budget only slows addresses that themselves failed on the account, so an attack
 * from elsewhere never keeps the account's owner out. State is in memory: a restart clears it.
 */
@Component
class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final Duration PACE = Duration.ofSeconds(2);
    static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int FAILURES_PER_ADDRESS = 30;
    static final int FAILURES_PER_ACCOUNT = 20;
    private static final int SWEEP_ABOVE = 10_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

    /** Empty when the attempt may go ahead; otherwise how long the client must wait (never more than {@link #PACE}). */
    Optional<Duration> check(String account, String address) {
        Budget pair = budgets.get(pairKey(account, address));
        Budget byAddress = budgets.get(addressKey(address));
        Budget byAccount = pair != null && pair.hasFailures() ? budgets.get(accountKey(account)) : null;
        long waitNanos = 0;
        for (Budget budget : new Budget[] {pair, byAddress, byAccount}) {
            if (budget != null && budget.exhausted()) {
                EstimationProbe probe = budget.pace.estimateAbilityToConsume(1);
                if (!probe.canBeConsumed()) {
                    waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
                }
            }
        }
        if (waitNanos > 0) {
            return Optional.of(Duration.ofNanos(Math.min(waitNanos, PACE.toNanos())));
        }
        for (Budget budget : new Budget[] {pair, byAddress, byAccount}) {
            if (budget != null && budget.exhausted()) {
                budget.pace.tryConsume(1);
            }
        }
        return Optional.empty();
    }

    /** Counts a failed sign-in. {@code accountForLog} is the account id if it exists, else null (it may be a mistyped password). */
    void failed(String account, String address, String accountForLog) {
        sweepIfLarge();
        String who = accountForLog == null ? "an unknown user name" : "user '" + printable(accountForLog) + "'";
        String from = printable(address);
        if (budget(pairKey(account, address), FAILURES_PER_ACCOUNT_AND_ADDRESS).fail()) {
            log.warn("Sign-in throttled: {} failed sign-ins for {} from {} within {} min; further attempts from there wait {} s each.",
                    FAILURES_PER_ACCOUNT_AND_ADDRESS, who, from, WINDOW.toMinutes(), PACE.toSeconds());
        }
        if (budget(addressKey(address), FAILURES_PER_ADDRESS).fail()) {
            log.warn("Sign-in throttled: {} failed sign-ins from {} within {} min, across accounts; further attempts from there wait {} s each.",
                    FAILURES_PER_ADDRESS, from, WINDOW.toMinutes(), PACE.toSeconds());
        }
        if (budget(accountKey(account), FAILURES_PER_ACCOUNT).fail()) {
            log.warn("Sign-in throttled: {} failed sign-ins for {} within {} min, from several addresses; addresses that failed wait {} s each.",
                    FAILURES_PER_ACCOUNT, who, WINDOW.toMinutes(), PACE.toSeconds());
        }
    }

    /** A correct password clears this client's record for the account (not the address's or the account's). */
    void succeeded(String account, String address) {
        budgets.remove(pairKey(account, address));
    }

    private Budget budget(String key, int failures) {
        return budgets.computeIfAbsent(key, k -> new Budget(failures));
    }

    /** Forgets budgets that have refilled completely: nothing is remembered longer than needed. */
    private void sweepIfLarge() {
        if (budgets.size() > SWEEP_ABOVE) {
            budgets.values().removeIf(Budget::refilled);
        }
    }

    private static String pairKey(String account, String address) {
        return "pair|" + normalise(account) + "|" + address;
    }

    private static String addressKey(String address) {
        return "address|" + address;
    }

    private static String accountKey(String account) {
        return "account|" + normalise(account);
    }

    /** User ids may be looked up case-insensitively by the database: count "Ada" and "ada" together. */
    private static String normalise(String account) {
        return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    }

    /** No control characters or overlong names in the log (log injection). */
    private static String printable(String value) {
        String cleaned = value == null ? "" : value.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }

    /** A budget of failures refilled over the window, and the pace at which attempts pass once it is spent. */
    private static final class Budget {
        private final int capacity;
        private final Bucket failures;
        private final Bucket pace;

        Budget(int capacity) {
            this.capacity = capacity;
            this.failures = Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, WINDOW)).build();
            this.pace = Bucket.builder().addLimit(limit -> limit.capacity(1).refillGreedy(1, PACE)).build();
        }

        boolean exhausted() {
            return failures.getAvailableTokens() < 1;
        }

        boolean hasFailures() {
            return failures.getAvailableTokens() < capacity;
        }

        boolean refilled() {
            return !hasFailures();
        }

        /** Spends one failure and the current pace slot; true when this failure spent the last of the budget. */
        boolean fail() {
            boolean wasAvailable = failures.tryConsume(1);
            pace.tryConsume(1);
            return wasAvailable && exhausted();
        }
    }
}
