package org.steward.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged through the root logger (every thread: test, web, engine) while it is
 * open, so a test can prove that logs carry no personal data (issue 9 point 7, "no personal data in
 * logs"). Staff addresses of the demo directory (@steward.local) are not personal data of the community.
 */
public final class LogCapture implements AutoCloseable {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Each captured event as one text: its message and, if any, its exception with causes and stack. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (appender) {
            for (ILoggingEvent event : appender.list) {
                String line = event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage();
                if (event.getThrowableProxy() != null) {
                    line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /** The captured lines holding an email address (other than staff's) or any of the given names. */
    public List<String> linesWithPersonalData(Collection<String> names) {
        List<String> found = new ArrayList<>();
        for (String line : lines()) {
            String lower = line.toLowerCase(Locale.ROOT);
            Matcher m = EMAIL.matcher(line);
            boolean address = false;
            while (m.find()) {
                address |= !m.group().toLowerCase(Locale.ROOT).endsWith("@steward.local");
            }
            if (address || names.stream().anyMatch(n -> lower.contains(n.toLowerCase(Locale.ROOT)))) {
                found.add(line);
            }
        }
        return found;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
