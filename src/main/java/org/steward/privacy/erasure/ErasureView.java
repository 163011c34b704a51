package org.steward.privacy.erasure;

import java.time.Instant;
import java.util.List;

import org.steward.privacy.ResidueScan.Residue;

/**
 * An erasure as GET /api/erasures/{id} shows it: no personal data, only what stays afterwards (which
 * places were cleared, where residue was found: table and column, never a value) and when.
 */
public record ErasureView(long id, ErasureStatus status, List<String> placesCleared, List<Residue> residue,
                          Instant startedAt, Instant endedAt) {
}
