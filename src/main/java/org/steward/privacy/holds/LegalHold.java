package org.steward.privacy.holds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A legal hold as staff and erasure see it: who (the data subject id), why (the kind), what (the places
 * of the register it covers), from when and until when. The officer's free-text reason is not part of it.
 *
 * @param endsOn     the first day the records are no longer held (null: until released)
 * @param releasedAt when an officer released it early, or null
 * @param active     whether it holds records now (not released, end date not reached)
 */
public record LegalHold(long id, long subjectId, HoldKind kind, List<String> places, Instant placedAt, String placedBy,
                        LocalDate endsOn, Instant releasedAt, String releasedBy, boolean active) {
}
