package org.steward.audit.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A period an auditor asks about: from and to are whole days (UTC), both included, either may be left
 * open. At most {@link #LONGEST_YEARS} years, so nobody asks for a century by a typing slip.
 */
record Period(LocalDate from, LocalDate to) {

    static final int LONGEST_YEARS = 10;
    /** The open ends, far enough apart for any case and close enough for every database. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    static Period parse(String from, String to) {
        Period period = new Period(date("from", from), date("to", to));
        if (period.from != null && period.to != null) {
            if (period.to.isBefore(period.from)) {
                throw new BadAuditRequest("The period ends (" + period.to + ") before it starts (" + period.from + ").");
            }
            if (ChronoUnit.DAYS.between(period.from, period.to) > 366L * LONGEST_YEARS) {
                throw new BadAuditRequest("The period is longer than " + LONGEST_YEARS + " years: choose a shorter one.");
            }
        }
        return period;
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 2000 || date.getYear() > 2199) {
                throw new BadAuditRequest("The \"" + name + "\" date " + date + " lies outside 2000–2199.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadAuditRequest("The \"" + name + "\" date is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.");
        }
    }

    /** The first instant of the period (inclusive). */
    Instant start() {
        return from == null ? EARLIEST : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period (exclusive). */
    Instant end() {
        return to == null ? LATEST : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    String fromText() {
        return from == null ? "" : from.toString();
    }

    String toText() {
        return to == null ? "" : to.toString();
    }
}
