package org.steward.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded default has demo staff (password "demo", an administrator among them) and /dev/mail;
 * it listens on loopback only (server.address=127.0.0.1) and refuses to start on any other address
 * unless steward.embedded.allow-non-loopback=true (issue 7, finding 1). Checked as soon as the
 * configuration is read, before anything listens. Registered in META-INF/spring.factories.
 */
class EmbeddedExposureGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String ALLOW = "steward.embedded.allow-non-loopback";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        boolean demo = environment.getProperty("steward.demo-data.enabled", Boolean.class, false)
                || environment.getProperty("steward.dev-mail.enabled", Boolean.class, false);
        String address = environment.getProperty("server.address");
        if (!demo || isLoopback(address)) {
            return;
        }
        String where = address == null || address.isBlank() ? "every network interface (server.address is not set)" : address;
        if (environment.getProperty(ALLOW, Boolean.class, false)) {
            Log log = LogFactory.getLog(EmbeddedExposureGuard.class);
            log.warn("The embedded default's demo staff (password \"demo\") and /dev/mail are reachable on " + where
                    + " because " + ALLOW + "=true. Never do this on a network others can reach.");
            return;
        }
        throw new StartupRefusedException(
                "Steward's embedded default (demo staff with password \"demo\", /dev/mail) listens only on loopback,"
                        + " but was asked to listen on " + where + ".",
                "For production, run the mysql profile (SPRING_PROFILES_ACTIVE=mysql). To try the demo, keep"
                        + " server.address=127.0.0.1. To expose the demo anyway, set " + ALLOW + "=true.");
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** After logging is set up, so the refusal and the warning reach the configured log. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
