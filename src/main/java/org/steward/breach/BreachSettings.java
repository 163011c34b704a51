package org.steward.breach;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code steward.breach.*}: how far back a reported discovery time may lie (issue 7 finding 7). */
@ConfigurationProperties(prefix = "steward.breach")
public record BreachSettings(@DefaultValue("P30D") Duration maxDiscoveryAge) {
}
