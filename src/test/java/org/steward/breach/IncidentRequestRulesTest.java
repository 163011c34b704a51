package org.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steward.system.InvalidInputException;

/** Issue 7 finding 7: how far back a discovery may lie is configurable (steward.breach.max-discovery-age). */
class IncidentRequestRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final IncidentRequestRules rules = new IncidentRequestRules(new BreachSettings(Duration.ofDays(7)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theLimitFollowsTheSetting() {
        assertThatCode(() -> rules.check(request(NOW.minus(Duration.ofDays(6))))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(request(NOW.minus(Duration.ofDays(8)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("discoveredAt",
                        "the discovery time lies more than 7 days back; "
                                + "give the time the incident was actually discovered (UTC, e.g. 2026-11-22T08:00:00Z)"));
    }

    @Test
    void aFewMinutesAheadIsClockSkew_moreIsTheFuture() {
        assertThatCode(() -> rules.check(request(NOW.plus(Duration.ofMinutes(4))))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(request(NOW.plus(Duration.ofMinutes(6)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("discoveredAt"));
    }

    private static IncidentRequest request(Instant discoveredAt) {
        return new IncidentRequest(discoveredAt, "Laptop stolen", List.of("contact details"), List.of(1L), List.of(), List.of(1L));
    }
}
