package org.steward.system;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Where a first administrator is configured (the mysql profile: STEWARD_ADMIN_USER and
 * STEWARD_ADMIN_PASSWORD), there is no default password: start-up stops with one clear message when
 * the password is missing or shorter than {@link #MINIMUM_LENGTH} characters, or when the id has
 * characters Camunda does not accept (issue 7, findings 1 and 9). Registered in META-INF/spring.factories.
 */
class AdminAccountGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final int MINIMUM_LENGTH = 12;
    private static final String USER_PATTERN = "camunda.bpm.generic-properties.properties.user-resource-whitelist-pattern";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String id = property(environment, "camunda.bpm.admin-user.id");
        if (id.isEmpty()) {
            return;
        }
        String pattern = property(environment, USER_PATTERN);
        if (!pattern.isEmpty() && !id.matches(pattern)) {
            throw new StartupRefusedException(
                    "The first administrator's id '" + id + "' (STEWARD_ADMIN_USER) may contain only letters, digits and hyphens"
                            + " (" + USER_PATTERN + "=" + pattern + ").",
                    "Set STEWARD_ADMIN_USER to an id such as steward-admin.");
        }
        if (property(environment, "camunda.bpm.admin-user.password").length() < MINIMUM_LENGTH) {
            throw new StartupRefusedException(
                    "The first administrator's password (STEWARD_ADMIN_PASSWORD) is missing or shorter than " + MINIMUM_LENGTH
                            + " characters; the production profile has no default password.",
                    "Set STEWARD_ADMIN_PASSWORD to a password of at least " + MINIMUM_LENGTH + " characters.");
        }
    }

    private static String property(ConfigurableEnvironment environment, String name) {
        try {
            String value = environment.getProperty(name);
            return value == null ? "" : value.trim();
        } catch (IllegalArgumentException unresolvablePlaceholder) {
            return "";
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
