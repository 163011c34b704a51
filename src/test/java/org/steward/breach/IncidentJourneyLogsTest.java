package org.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.steward.support.LogCapture;

/**
 * Issue 9 point 7: the whole incident journey (IncidentJourneyScenario: contacts, report, triage, notices,
 * reports, member notices, closure, refusals on the way) logs no name and no email address of a member
 * or a security contact.
 */
class IncidentJourneyLogsTest extends IncidentJourneyScenario {

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void noPersonalDataWasLogged() {
        try (LogCapture captured = logs) {
            assertThat(captured.linesWithPersonalData(List.of("Ines Officer", "Alex Alternate", "Member member-", "Member gone-",
                    "Member other-"))).isEmpty();
        }
    }
}
