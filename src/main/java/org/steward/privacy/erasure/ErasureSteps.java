package org.steward.privacy.erasure;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.Members;
import org.steward.privacy.PersonalDataPlace;
import org.steward.privacy.PersonalDataRegister;
import org.steward.privacy.ResidueScan;
import org.steward.privacy.ResidueScan.Residue;
import org.steward.privacy.erasure.ErasureRecords.Confirmation;
import org.steward.privacy.erasure.ErasureRecords.Kind;
import org.steward.privacy.erasure.ErasureRecords.WorkItem;
import org.steward.privacy.holds.HoldKind;
import org.steward.privacy.holds.LegalHold;
import org.steward.privacy.holds.LegalHolds;
import org.steward.privacy.processors.ErasureInstructions;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;

/**
 * The steps of ErasureProcess (DSR-7, DSR-10), one method each: identify the person, confirm to them,
 * erase everywhere, verify, forget the identifiers. Each runs in its own transaction (its own job).
 */
@Service
public class ErasureSteps {

    /** The place name under which removed process instances are reported. */
    static final String ENGINE_PLACE = "Process engine: the person's cases and their history";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    private final ErasureRecords records;
    private final PersonalDataRegister register;
    private final EngineCases engine;
    private final ResidueScan scan;
    private final DataSubjects subjects;
    private final Members members;
    private final MailOutbox outbox;
    private final AuditTrail audit;
    private final LegalHolds holds;
    private final ErasureInstructions instructions;
    private final Duration holdRecheck;

    ErasureSteps(ErasureRecords records, PersonalDataRegister register, EngineCases engine, ResidueScan scan,
                 DataSubjects subjects, Members members, MailOutbox outbox, AuditTrail audit, LegalHolds holds,
                 ErasureInstructions instructions,
                 @Value("${steward.privacy.erasure.hold-recheck:P30D}") Duration holdRecheck) {
        this.records = records;
        this.register = register;
        this.engine = engine;
        this.scan = scan;
        this.subjects = subjects;
        this.members = members;
        this.outbox = outbox;
        this.audit = audit;
        this.holds = holds;
        this.instructions = instructions;
        this.holdRecheck = holdRecheck;
    }

    /** What Task_IdentifyPerson found: whether we know the person, and whether they get a confirmation. */
    public record Identified(boolean personKnown, boolean confirmToPerson) {
    }

    /**
     * The start event's guard: an ErasureProcess carries out exactly one recorded request, started by
     * {@link Erasure}; a start through the engine's API alone finds no request and is refused.
     */
    @Transactional
    public boolean claim(long erasureId, String processInstanceId) {
        return records.find(erasureId).filter(r -> r.endedAt() == null).isPresent()
                && records.claimProcess(erasureId, processInstanceId);
    }

    /**
     * Task_IdentifyPerson: who the request is about (by member, subject or address) and everything that
     * identifies them in the register (address, names, phone numbers), kept in the work list for the
     * confirmation and the completeness check.
     */
    @Transactional
    public Identified identify(long erasureId) {
        ErasureRecords.Row request = records.get(erasureId);
        String email = records.recalled(erasureId, WorkItem.EMAIL).stream().findFirst().orElse(null);
        Optional<Subject> subject = request.subjectId() != null ? subjects.find(request.subjectId())
                : Optional.ofNullable(email).flatMap(subjects::findByEmail);
        Long subjectId = subject.map(Subject::id).orElse(null);
        if (subject.isPresent() && email == null) {
            email = subject.get().email();
            records.remember(erasureId, WorkItem.EMAIL, List.of(email));
        }
        records.remember(erasureId, WorkItem.IDENTIFIER, register.identifiers(subjectId, email));
        boolean known = subject.isPresent();
        boolean confirm = known && request.kind() == Kind.REQUEST;
        records.identified(erasureId, subjectId != null ? subjectId : request.subjectId(),
                subjectId == null ? null : members.memberIdOf(subjectId).orElse(null), known,
                confirm ? Confirmation.PENDING : Confirmation.NOT_SENT);
        return new Identified(known, confirm);
    }

    /** Task_SendConfirmation: the person hears from us once more, before their address is removed. */
    @Transactional
    public void sendConfirmation(long erasureId) {
        ErasureRecords.Row request = records.get(erasureId);
        Subject person = subjects.get(request.subjectId());
        outbox.enqueue(new Mail(confirmationKey(erasureId), "erasure:" + erasureId, "erasure-confirmation", person.email(),
                Map.of("name", person.displayName() == null ? "" : person.displayName(), "kept", keptForMail(person.id())))
                .withRole(RecipientRole.DATA_SUBJECT).toSubject(person.id()));
    }

    /**
     * DSR-4: what the person is told is kept, and why: each place a hold covers, the category of the hold and
     * until when. Never the officer's own reason, which is internal.
     */
    private List<Map<String, String>> keptForMail(long subjectId) {
        List<Map<String, String>> kept = new ArrayList<>();
        for (LegalHold hold : holds.activeFor(subjectId)) {
            String until = hold.endsOn() != null ? "until " + DAY.format(hold.endsOn())
                    : hold.kind() == HoldKind.OPEN_DISPUTE ? "until the dispute is resolved" : "until the obligation ends";
            hold.places().forEach(place -> kept.add(Map.of("place", place, "why", hold.kind().label(), "until", until)));
        }
        return kept;
    }

    /** Task_CheckConfirmationDelivery: PENDING while the outbox still tries; SENT or FAILED once it is done. */
    @Transactional
    public String confirmationDelivery(long erasureId) {
        Confirmation state = outbox.delivery(confirmationKey(erasureId))
                .map(d -> switch (d) {
                    case PENDING -> Confirmation.PENDING;
                    case SENT -> Confirmation.SENT;
                    case FAILED, CANCELLED -> Confirmation.FAILED;
                })
                .orElse(Confirmation.FAILED);
        if (state != Confirmation.PENDING) {
            records.confirmation(erasureId, state);
        }
        return state.name();
    }

    /**
     * Task_EndPersonsCases: the running process instances about the person end; their business keys go to
     * the work list, so the next step can remove their history once this transaction has written it.
     */
    @Transactional
    public void endCases(long erasureId) {
        Set<String> cases = new LinkedHashSet<>();
        subjectsOf(erasureId).forEach(id -> cases.addAll(register.caseKeys(id)));
        records.remember(erasureId, WorkItem.CASE, cases);
        engine.end(cases);
    }

    /**
     * Task_ErasePersonalData: the person's cases leave the engine's history, then every place of the register
     * deletes or anonymises what it holds, by subject and by address, in one transaction; places an active
     * legal hold keeps (DSR-4) are left and recorded as kept.
     *
     * @return whether records are kept under a hold
     */
    @Transactional
    public boolean erase(long erasureId) {
        String email = records.recalled(erasureId, WorkItem.EMAIL).stream().findFirst().orElse(null);
        Set<Long> subjectIds = subjectsOf(erasureId);
        Set<String> cases = new LinkedHashSet<>(records.recalled(erasureId, WorkItem.CASE));
        subjectIds.forEach(id -> cases.addAll(register.caseKeys(id)));
        Map<String, Integer> cleared = new LinkedHashMap<>();
        int instances = engine.forget(cases);
        if (instances > 0) {
            cleared.put(ENGINE_PLACE, instances);
        }
        recordHolds(erasureId, subjectIds);
        Set<String> held = heldPlaces(erasureId);
        cleared.putAll(register.erase(subjectIds, email, place -> !held.contains(place.name())));
        records.erased(erasureId, cleared);
        audit.record("system", "ERASURE_ERASED", ErasureProcess.businessKey(erasureId),
                "places=" + cleared.size() + " held=" + held.size());
        return !held.isEmpty();
    }

    /**
     * DSR-4: each active hold on the person keeps the places it names, and with them the places every held
     * row points at (the data subject, the hold itself); all of it is recorded with the erasure.
     */
    private void recordHolds(long erasureId, Set<Long> subjectIds) {
        List<String> anchors = register.places().stream().filter(PersonalDataPlace::keptWhileRecordsAreHeld)
                .map(PersonalDataPlace::name).toList();
        for (Long subjectId : subjectIds) {
            for (LegalHold hold : holds.activeFor(subjectId)) {
                Set<String> places = new LinkedHashSet<>(hold.places());
                places.addAll(anchors);
                places.forEach(place -> records.kept(erasureId, place, hold.id(), hold.kind().name(), hold.endsOn()));
            }
        }
    }

    /** The places this erasure still keeps under a hold. */
    private Set<String> heldPlaces(long erasureId) {
        Set<String> held = new LinkedHashSet<>();
        records.keptPlaces(erasureId).stream().filter(k -> k.erasedAt() == null).forEach(k -> held.add(k.place()));
        return held;
    }

    /**
     * Task_EraseHeldRecords (DSR-4, DSR-7): a hold ended (its end date, or released early). Every place no
     * hold keeps any more is erased, with the rest of the register again (so what a hold kept and what was
     * written since goes too); places another hold still keeps stay.
     *
     * @return whether records are still held
     */
    @Transactional
    public boolean eraseHeldRecords(long erasureId) {
        String email = records.recalled(erasureId, WorkItem.EMAIL).stream().findFirst().orElse(null);
        Set<Long> subjectIds = subjectsOf(erasureId);
        Set<Long> active = new LinkedHashSet<>();
        subjectIds.forEach(id -> holds.activeFor(id).forEach(h -> active.add(h.id())));
        List<ErasureRecords.KeptPlace> open = records.keptPlaces(erasureId).stream().filter(k -> k.erasedAt() == null).toList();
        Set<String> stillHeld = new LinkedHashSet<>();
        open.stream().filter(k -> active.contains(k.holdId())).forEach(k -> stillHeld.add(k.place()));
        Set<String> released = new LinkedHashSet<>();
        open.stream().map(ErasureRecords.KeptPlace::place).filter(p -> !stillHeld.contains(p)).forEach(released::add);
        Map<String, Integer> cleared = register.erase(subjectIds, email, place -> !stillHeld.contains(place.name()));
        records.keptErased(erasureId, released);
        records.clearedMore(erasureId, cleared);
        audit.record("system", "ERASURE_HELD_RECORDS_ERASED", ErasureProcess.businessKey(erasureId),
                "places=" + released.size() + " stillHeld=" + stillHeld.size());
        return !stillHeld.isEmpty();
    }

    /**
     * When the wait for the holds should look again (DSR-4): the earliest end date of the holds that still
     * keep something (at the start of that day, UTC); a hold without one (a dispute) ends by release, and
     * the wait looks again after {@code steward.privacy.erasure.hold-recheck} in case a release was missed.
     */
    @Transactional(readOnly = true)
    public Instant heldUntil(long erasureId) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Set<Long> open = new LinkedHashSet<>();
        records.keptPlaces(erasureId).stream().filter(k -> k.erasedAt() == null).forEach(k -> open.add(k.holdId()));
        List<LegalHold> active = new ArrayList<>();
        subjectsOf(erasureId).forEach(id -> holds.activeFor(id).stream().filter(h -> open.contains(h.id())).forEach(active::add));
        if (active.isEmpty()) {
            return now;
        }
        return active.stream().map(LegalHold::endsOn).filter(d -> d != null).min(Comparator.naturalOrder())
                .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(now.plus(holdRecheck));
    }

    /**
     * Task_InstructProcessors (DSR-7): every active processor in the register gets an erasure instruction
     * naming the person by reference, each in its own ProcessorInstructionProcess. Nobody found: nobody to name.
     *
     * @return how many instructions were started
     */
    @Transactional
    public int instructProcessors(long erasureId) {
        ErasureRecords.Row request = records.get(erasureId);
        if (!Boolean.TRUE.equals(request.personKnown()) || request.subjectId() == null) {
            return 0;
        }
        return instructions.instructAll(erasureId, request.subjectId());
    }

    /**
     * Task_VerifyErasure (the completeness check): every text and binary column of every table, ours and
     * the engine's, searched for the person's identifiers; only tables and columns are recorded.
     *
     * @return whether residue was found
     */
    @Transactional
    public boolean verify(long erasureId) {
        Set<String> skipped = new LinkedHashSet<>(Set.of(ErasureRecords.WORK_TABLE));
        heldPlaces(erasureId).forEach(place -> register.place(place).ifPresent(p -> skipped.addAll(p.tables())));
        List<Residue> residue = scan.find(records.identifiers(erasureId), skipped); // DSR-4: held places are searched once released
        records.verified(erasureId, residue);
        audit.record("system", residue.isEmpty() ? "ERASURE_VERIFIED" : "ERASURE_RESIDUE_FOUND",
                ErasureProcess.businessKey(erasureId), "columns=" + residue.size());
        return !residue.isEmpty();
    }

    /** Task_ForgetIdentifiers: the work list goes; what stays is the request, the places cleared and the result. */
    @Transactional
    public void forgetIdentifiers(long erasureId) {
        records.forgetWorkList(erasureId);
        records.ended(erasureId);
        audit.record("system", "ERASURE_ENDED", ErasureProcess.businessKey(erasureId),
                "status=" + records.get(erasureId).status());
    }

    /** The subject the request names, and anyone named by its address since. */
    private Set<Long> subjectsOf(long erasureId) {
        ErasureRecords.Row request = records.get(erasureId);
        String email = records.recalled(erasureId, WorkItem.EMAIL).stream().findFirst().orElse(null);
        Set<Long> subjectIds = new LinkedHashSet<>();
        if (request.subjectId() != null && subjects.find(request.subjectId()).isPresent()) {
            subjectIds.add(request.subjectId());
        }
        if (email != null) {
            subjects.findByEmail(email).ifPresent(s -> subjectIds.add(s.id())); // named by someone since the request
        }
        return subjectIds;
    }

    /** What the residue task shows: where residue is (table, column), what was cleared, and the officer's note. */
    public record ResidueReview(long id, String kind, ErasureStatus status, List<String> placesCleared,
                                List<Residue> residue, String note) {
    }

    @Transactional(readOnly = true)
    public ResidueReview residueReview(long erasureId) {
        ErasureRecords.Row request = records.get(erasureId);
        return new ResidueReview(erasureId, request.kind().name(), request.status(), records.placesCleared(erasureId),
                records.residue(erasureId), String.join("\n", records.recalled(erasureId, WorkItem.NOTE)));
    }

    static String confirmationKey(long erasureId) {
        return "erasure-" + erasureId + "-confirmation";
    }
}
