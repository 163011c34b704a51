package org.steward.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Consent's time is the process engine's time: the renewal timers fire by the engine's clock, so the
 * expiries they act on and the ledger's timestamps are read from the same clock. In production that
 * is the system clock; process and journey tests move it to walk a year of a consent's life.
 */
@Component
class EngineClock {

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
