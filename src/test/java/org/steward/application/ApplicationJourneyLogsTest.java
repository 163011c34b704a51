package org.steward.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.steward.support.LogCapture;

/**
 * Issue 9 point 7: the whole application journey (ApplicationJourneyScenario: apply, references,
 * removal, a question and its answer, approval) logs no name and no email address, whatever logs it:
 * Steward, Spring, Camunda, Tomcat, the SMTP client.
 */
class ApplicationJourneyLogsTest extends ApplicationJourneyScenario {

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void noPersonalDataWasLogged() {
        try (LogCapture captured = logs) {
            assertThat(captured.linesWithPersonalData(List.of("Ana Lima", "Referee 1", "Referee 2", "Reliable and generous",
                    "Tuesdays and Thursdays"))).isEmpty();
        }
    }
}
