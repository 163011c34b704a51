package org.steward.application.process;

import org.springframework.stereotype.Component;
import org.steward.system.StewardProperties;

/** The configurable durations the process timers read (APP-3, APP-5, issue 7 finding 6), as ISO-8601 strings. */
@Component("applicationTimers")
public class ApplicationTimers {

    private final StewardProperties.Application settings;

    public ApplicationTimers(StewardProperties properties) {
        this.settings = properties.application();
    }

    public String getEmailConfirmationWait() {
        return settings.emailConfirmationWait().toString();
    }

    public String getReferenceReminder() {
        return settings.referenceReminderAfter().toString();
    }

    public String getReferenceExpiry() {
        return settings.referenceExpiresAfter().toString();
    }

    public String getMoreInformationWait() {
        return settings.moreInformationWait().toString();
    }
}
