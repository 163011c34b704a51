package org.steward.system;

/** A configuration the service will not run with; reported as one description and one action, no stack trace. */
class StartupRefusedException extends RuntimeException {

    private final String action;

    StartupRefusedException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
