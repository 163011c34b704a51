package org.steward.matching;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The matching journey on a real MariaDB/MySQL server named by -Dsteward.it.jdbc-url (set by .ci/run). */
@Tag("real-database")
@DirtiesContext // one engine per JVM at a time: close this context before the next real database
@EnabledIfSystemProperty(named = "steward.it.jdbc-url", matches = ".+")
class MatchingJourneyMariaDbTest extends MatchingJourneyScenario {

    @DynamicPropertySource
    static void realDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getProperty("steward.it.jdbc-url"));
        registry.add("spring.datasource.username", () -> System.getProperty("steward.it.jdbc-user", "root"));
        registry.add("spring.datasource.password", () -> System.getProperty("steward.it.jdbc-password", ""));
    }
}
