package org.steward.privacy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The register against the schema Flyway builds on a real MariaDB/MySQL server (-Dsteward.it.jdbc-url). */
@Tag("real-database")
@DirtiesContext
@EnabledIfSystemProperty(named = "steward.it.jdbc-url", matches = ".+")
class PersonalDataSchemaMariaDbTest extends PersonalDataSchemaTest {

    @DynamicPropertySource
    static void realDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getProperty("steward.it.jdbc-url"));
        registry.add("spring.datasource.username", () -> System.getProperty("steward.it.jdbc-user", "root"));
        registry.add("spring.datasource.password", () -> System.getProperty("steward.it.jdbc-password", ""));
    }
}
