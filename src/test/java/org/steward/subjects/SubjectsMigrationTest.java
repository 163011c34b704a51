package org.steward.subjects;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The V3 migration on H2 in MySQL mode, as the embedded default and the test suite run it. */
class SubjectsMigrationTest extends SubjectsMigrationScenario {

    @Override
    protected DataSource emptyDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:v3-migration-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
