package org.steward.privacy.erasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.steward.privacy.ResidueScan.Residue;

/**
 * An erasure as GET /api/erasures/{id} shows it: no personal data, only what stays afterwards (which
 * places were cleared, which were kept under a legal hold and why, where residue was found: table and
 * column, never a value) and when.
 */
public record ErasureView(long id, ErasureStatus status, List<String> placesCleared, List<Kept> placesKept,
                          List<Residue> residue, Instant startedAt, Instant endedAt) {

    /**
     * DSR-4: a place kept under a legal hold: the hold's kind and end date (null: until released), and when
     * it was erased after all (null while held).
     */
    public record Kept(String place, long holdId, String holdKind, LocalDate heldUntil, Instant erasedAt) {
    }
}
