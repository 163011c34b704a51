package org.steward.privacy.processors;

import java.time.Instant;

/**
 * One erasure instruction to one processor, as staff and auditors see it: ids, status and times.
 *
 * @param subjectRef  the reference the processor knows the person by (our data subject id), nothing else
 * @param confirmedBy "processor" (through the link) or the privacy officer who recorded it on follow-up
 */
public record Instruction(long id, long processorId, String processorName, long erasureId, long subjectRef,
                          InstructionStatus status, Instant sentAt, Instant remindedAt, Instant followUpAt,
                          Instant confirmedAt, String confirmedBy) {
}
