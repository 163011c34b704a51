package org.steward.audit.view;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The request and consent reports on a real MariaDB/MySQL server named by -Dsteward.it.jdbc-url (AUD-4). */
@Tag("real-database")
@DirtiesContext // one engine per JVM at a time (see ApplicationJourneyMariaDbTest)
@EnabledIfSystemProperty(named = "steward.it.jdbc-url", matches = ".+")
class AuditReportsMariaDbTest extends AuditReportsScenario {

    @DynamicPropertySource
    static void realDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getProperty("steward.it.jdbc-url"));
        registry.add("spring.datasource.username", () -> System.getProperty("steward.it.jdbc-user", "root"));
        registry.add("spring.datasource.password", () -> System.getProperty("steward.it.jdbc-password", ""));
    }
}
