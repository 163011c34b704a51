package org.steward.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was checked, because this client failed too often (HTTP 429). */
class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins");
        this.wait = wait;
    }

    /** Whole seconds to wait, at least one (the Retry-After header). */
    long retryAfterSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
