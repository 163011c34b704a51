package org.steward.application.web;

/** Over the rate limit (issue 7 finding 6): nothing is stored or sent; the client may try again after the wait. */
class TooManyApplications extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyApplications(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
