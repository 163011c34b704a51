package org.steward.privacy.requests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.links.InvalidLinkException;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.privacy.RetentionSettings;
import org.steward.privacy.requests.RequestRecords.TextKind;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.OptimisticRetry;

/**
 * Data-subject requests from the public (DSR-1, DSR-2): intake, verification through the emailed link,
 * and what staff and auditors read. Intake never looks the address up, so its answer and its work are
 * the same whether we know the address or not; the person is identified only once they verified.
 */
@Service
public class PrivacyRequests {

    /** The one answer to every well-formed request (DSR-2). */
    public static final String ACCEPTED = "Thank you. If this address can receive mail, a link to confirm the request is on its way; "
            + "the request counts from the moment you confirm it.";

    private final RequestRecords records;
    private final DeadlineRecord deadlines;
    private final RuntimeService runtimeService;
    private final MailOutbox outbox;
    private final LinkService links;
    private final DataSubjects subjects;
    private final OptimisticRetry retry;
    private final AuditTrail audit;
    private final RequestClock clock;

    PrivacyRequests(RequestRecords records, DeadlineRecord deadlines, RuntimeService runtimeService, MailOutbox outbox, LinkService links,
                    DataSubjects subjects, OptimisticRetry retry, AuditTrail audit, RequestClock clock) {
        this.records = records;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.links = links;
        this.subjects = subjects;
        this.retry = retry;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * DSR-1, DSR-2: records the request and starts its process, or merges it into the open request of the
     * same type from the same address (the requester is told by mail). The details stay in our table.
     */
    @Transactional
    public void submit(String email, RequestType type, String details) {
        String address = DataSubjects.normaliseEmail(email);
        Instant now = clock.now();
        Optional<Long> created = records.create(type, address, now);
        if (created.isEmpty()) {
            merge(type, address, details, now);
            return;
        }
        long id = created.get();
        if (details != null) {
            records.addText(id, TextKind.DETAILS, details, "requester", now);
        }
        runtimeService.startProcessInstanceByKey(DataSubjectRequestProcess.KEY, DataSubjectRequestProcess.businessKey(id),
                Map.of(DataSubjectRequestProcess.REQUEST_ID, id));
        audit.record("requester", "PRIVACY_REQUEST_RECEIVED", DataSubjectRequestProcess.businessKey(id), "type=" + type);
    }

    /**
     * Issue 10 item 1: a privacy officer files a request for someone who asked by other means, already
     * verified: the 30-day deadline runs from now and the review task opens at once. A request of the same
     * type open for that address is the one returned.
     */
    @Transactional
    public RequestView fileOnBehalf(String email, RequestType type, String details, String staffUser) {
        String address = DataSubjects.normaliseEmail(email);
        Instant now = clock.now();
        Optional<Long> created = records.create(type, address, now);
        if (created.isEmpty()) {
            return view(records.openFor(type, address).orElseThrow());
        }
        long id = created.get();
        if (details != null) {
            records.addText(id, TextKind.DETAILS, details, staffUser, now);
        }
        Long subjectId = subjects.findByEmail(address).map(Subject::id).orElse(null);
        records.verified(id, subjectId, now, RetentionSettings.after(now, RequestLinks.DEADLINE));
        runtimeService.createProcessInstanceByKey(DataSubjectRequestProcess.KEY)
                .businessKey(DataSubjectRequestProcess.businessKey(id))
                .setVariable(DataSubjectRequestProcess.REQUEST_ID, id)
                .setVariable(DataSubjectRequestProcess.HANDLING, type.handling().name())
                .startBeforeActivity(DataSubjectRequestProcess.ANSWER_REQUEST)
                .execute();
        audit.record(staffUser, "PRIVACY_REQUEST_FILED_ON_BEHALF", DataSubjectRequestProcess.businessKey(id), "type=" + type);
        return view(id);
    }

    private void merge(RequestType type, String address, String details, Instant now) {
        RequestRecords.Row open = records.openFor(type, address).orElseThrow();
        if (details != null) {
            records.addText(open.id(), TextKind.DETAILS, details, "requester", now);
        }
        outbox.enqueue(new Mail("privacy-request-" + open.id() + "-merged-" + UUID.randomUUID(), RequestLinks.subjectRef(open.id()),
                "privacy-request-merged", address, Map.of("type", type.label(), "requestId", open.id())).withRole(RecipientRole.REQUESTER));
        audit.record("requester", "PRIVACY_REQUEST_MERGED", DataSubjectRequestProcess.businessKey(open.id()), "type=" + type);
    }

    /** GET of the verification link: valid or not, nothing changes. */
    @Transactional(readOnly = true)
    public RequestType checkVerificationLink(String token) {
        return records.get(links.check(RequestLinks.VERIFY, token).subjectId()).type();
    }

    /**
     * POST of the verification link (DSR-2): the request is verified once, its 30-day deadline starts
     * (DSR-3) and the waiting process goes on. A request that expired meanwhile stays expired.
     *
     * @return false if the request can no longer be verified
     */
    public boolean verify(String token) {
        return retry.inTransaction(() -> {
            long id = links.consume(RequestLinks.VERIFY, token).subjectId();
            RequestRecords.Row request = records.find(id).orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN));
            Instant now = clock.now();
            Long subjectId = request.email() == null ? null : subjects.findByEmail(request.email()).map(Subject::id).orElse(null);
            if (!records.verified(id, subjectId, now, RetentionSettings.after(now, RequestLinks.DEADLINE))) {
                return false;
            }
            audit.record("requester", "PRIVACY_REQUEST_VERIFIED", DataSubjectRequestProcess.businessKey(id), null);
            runtimeService.createMessageCorrelation(DataSubjectRequestProcess.MSG_REQUEST_VERIFIED)
                    .processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(id))
                    .setVariable(DataSubjectRequestProcess.HANDLING, request.type().handling().name())
                    .correlateWithResult();
            return true;
        });
    }

    /** What staff and auditors read: no address, no text (AUD-2). */
    @Transactional(readOnly = true)
    public RequestView view(long id) {
        return view(records.get(id));
    }

    @Transactional(readOnly = true)
    public List<RequestView> list(RequestStatus status) {
        return records.withStatus(status).stream().map(this::view).toList();
    }

    private RequestView view(RequestRecords.Row row) {
        return new RequestView(row.id(), row.type(), row.status(), row.receivedAt(), row.verifiedAt(), row.dueAt(),
                row.extendedTo(), row.outcome(), row.closedAt(), deadlines.met(row.id()).orElse(null));
    }
}
