package org.steward.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log check can fail: it sees addresses and names in messages and in exceptions, and spares staff addresses. */
class LogCaptureTest {

    @Test
    void findsAddressesAndNames_inMessagesAndExceptions_butNotStaffAddresses() {
        org.slf4j.Logger log = LoggerFactory.getLogger("org.steward.probe");
        try (LogCapture logs = LogCapture.start()) {
            log.info("Mail {} queued", 42);
            log.warn("Could not deliver to {}", "ana.lima@example.org");
            log.error("Failed", new IllegalStateException("Recipient Quilla Marrow refused"));
            log.info("Escalation sent to sam@steward.local");
            assertThat(logs.lines()).hasSize(4);
            List<String> leaks = logs.linesWithPersonalData(List.of("Quilla Marrow"));
            assertThat(leaks).hasSize(2);
            assertThat(leaks.get(0)).contains("ana.lima@example.org");
            assertThat(leaks.get(1)).contains("Quilla Marrow");
        }
    }
}
