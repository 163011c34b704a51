package org.steward.privacy.erasure;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.members.Members;
import org.steward.privacy.erasure.ErasureRecords.Kind;
import org.steward.privacy.erasure.ErasureRecords.WorkItem;
import org.steward.subjects.DataSubjects;
import org.steward.system.NotFoundException;

/**
 * Erasing a person (DSR-7, DSR-10): each request is recorded and carried out by an ErasureProcess
 * (confirmation mail, erasure in every registered place and in the engine, completeness check). This
 * is the API other capabilities use too: the retention sweep calls {@link #eraseSubject}.
 */
@Service
public class Erasure {

    private final ErasureRecords records;
    private final Members members;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;

    Erasure(ErasureRecords records, Members members, RuntimeService runtimeService, AuditTrail audit) {
        this.records = records;
        this.members = members;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    /**
     * DSR-7: erase whoever we know by this address (a member, an applicant, a referee, a security
     * contact, or someone known only from a log). An unknown address is accepted the same way: the
     * process finds nothing and records that.
     *
     * @param note why, as the privacy officer wrote it; kept only until the process ends
     */
    @Transactional
    public ErasureView requestByEmail(String email, String note, String staffUser) {
        long id = records.create(Kind.REQUEST, staffUser, null, null);
        records.remember(id, WorkItem.EMAIL, List.of(DataSubjects.normaliseEmail(email)));
        return start(id, note, staffUser);
    }

    /**
     * DSR-7: erase a member. A member already erased gets the earlier erasure back, and one being
     * erased the running one: nothing is done twice. An id that never was a member is not found.
     */
    @Transactional
    public ErasureView requestForMember(long memberId, String note, String staffUser) {
        return forMember(memberId, Kind.REQUEST, note, staffUser);
    }

    /** DSR-10: the member is under the minimum age; everything about them goes at once, without a mail to the child. */
    @Transactional
    public ErasureView underAge(long memberId, String staffUser) {
        return forMember(memberId, Kind.UNDER_AGE, "Under the minimum age (DSR-10)", staffUser);
    }

    /**
     * RET-1 (the retention sweep, a deactivated member past retention): erase this data subject now,
     * without a confirmation mail. A subject already being erased is not erased twice.
     *
     * @return the erasure's id, for GET /api/erasures/{id}
     */
    @Transactional
    public long eraseSubject(long subjectId, String reason) {
        Optional<ErasureRecords.Row> running = records.runningForSubject(subjectId);
        if (running.isPresent()) {
            return running.get().id();
        }
        long id = records.create(Kind.RETENTION, "system", members.memberIdOf(subjectId).orElse(null), subjectId);
        return start(id, reason, "system").id();
    }

    @Transactional(readOnly = true)
    public ErasureView view(long erasureId) {
        return view(records.get(erasureId));
    }

    /** The latest erasure of this member, if there was one: what a member id means once its member is gone. */
    @Transactional(readOnly = true)
    public Optional<ErasureView> latestForMember(long memberId) {
        return records.latestForMember(memberId).map(this::view);
    }

    private ErasureView forMember(long memberId, Kind kind, String note, String staffUser) {
        Optional<Long> subjectId = members.subjectIdOf(memberId);
        Optional<ErasureRecords.Row> earlier = records.latestForMember(memberId);
        if (subjectId.isEmpty()) {
            return earlier.map(this::view).orElseThrow(() -> new NotFoundException("No member " + memberId));
        }
        if (earlier.isPresent() && earlier.get().endedAt() == null) {
            return view(earlier.get());
        }
        return start(records.create(kind, staffUser, memberId, subjectId.get()), note, staffUser);
    }

    private ErasureView start(long id, String note, String actor) {
        if (note != null) {
            records.remember(id, WorkItem.NOTE, List.of(note));
        }
        runtimeService.startProcessInstanceByKey(ErasureProcess.KEY, ErasureProcess.businessKey(id));
        ErasureRecords.Row row = records.get(id);
        audit.record(actor, "ERASURE_REQUESTED", ErasureProcess.businessKey(id), "kind=" + row.kind());
        return view(row);
    }

    ErasureView view(ErasureRecords.Row row) {
        List<ErasureView.Kept> kept = records.keptPlaces(row.id()).stream()
                .map(k -> new ErasureView.Kept(k.place(), k.holdId(), k.holdKind(), k.heldUntil(), k.erasedAt())).toList();
        return new ErasureView(row.id(), row.status(), records.placesCleared(row.id()), kept, records.residue(row.id()),
                row.requestedAt(), row.endedAt());
    }
}
