package org.steward.audit.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reports' CSV is RFC 4180 (AUD-4): CRLF line ends, quoted where a field needs it, quotes doubled. */
class CsvTest {

    @Test
    void quotesOnlyWhatNeedsIt_andEndsEachRowWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        Csv csv = Csv.to(out);
        csv.row(List.of("incident-1", Instant.parse("2026-12-01T09:00:00Z"), 3, true));
        csv.row(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, "ü"));
        csv.flush();
        assertThat(out.toString()).isEqualTo("incident-1,2026-12-01T09:00:00Z,3,true\r\n"
                + "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,ü\r\n");
    }

    @Test
    void periods_areWholeUtcDays_atMostTenYears() {
        Period period = Period.parse("2026-12-01", "2026-12-01");
        assertThat(period.start()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(Period.parse("2016-12-01", "2026-11-30").fromText()).isEqualTo("2016-12-01");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Period.parse("2000-01-01", "2100-01-01"))
                .isInstanceOf(BadAuditRequest.class).hasMessageContaining("longer than 10 years");
    }
}
