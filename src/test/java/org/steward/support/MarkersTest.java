package org.steward.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The history scans rely on markers that cannot be part of an engine id (CI once found "d4c6c9" in one). */
class MarkersTest {

    @RepeatedTest(20)
    void aMarkerIsNeverPartOfAnId() {
        String marker = Markers.unique();
        assertThat(marker).hasSize(8);
        assertThat(Markers.couldBePartOfAnId(marker)).isFalse();
    }

    @Test
    void hexTextCouldBePartOfAnId() {
        assertThat(Markers.couldBePartOfAnId("d4c6c9")).isTrue();
        assertThat(Markers.couldBePartOfAnId(UUID.randomUUID().toString())).isTrue();
        assertThat(Markers.couldBePartOfAnId("Weekly calls, marker d4c6c9")).isFalse();
    }
}
