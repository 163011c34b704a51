package org.steward.privacy.requests;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.privacy.RetentionSettings;
import org.steward.privacy.requests.DataSubjectRequestProcess.Decision;
import org.steward.privacy.requests.RequestRecords.TextKind;

/**
 * The mails and record keeping of DataSubjectRequestProcess (DSR-2, DSR-3, DSR-4), one method per step,
 * each in its own transaction. Carrying out an approved request is {@link RequestActions}.
 */
@Service
public class RequestSteps {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final RequestRecords records;
    private final DeadlineRecord deadlines;
    private final LinkService links;
    private final MailOutbox outbox;
    private final AuditTrail audit;
    private final RequestClock clock;

    RequestSteps(RequestRecords records, DeadlineRecord deadlines, LinkService links, MailOutbox outbox, AuditTrail audit,
                 RequestClock clock) {
        this.records = records;
        this.deadlines = deadlines;
        this.links = links;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Task_SendVerificationLink (DSR-2): a single-use link to the address; the mail repeats nothing the requester typed. */
    @Transactional
    public void sendVerificationLink(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        if (request.status() != RequestStatus.AWAITING_VERIFICATION || request.email() == null) {
            return;
        }
        String token = links.issue(RequestLinks.VERIFY, requestId, RequestLinks.VERIFICATION_WAIT);
        Instant until = RetentionSettings.after(clock.now(), RequestLinks.VERIFICATION_WAIT);
        outbox.enqueue(mail(request, "verification", "privacy-request-verification",
                Map.of("verifyPath", RequestLinks.VERIFY_PATH + token, "deadline", DATE.format(until))));
    }

    /** Task_ExpireRequest (DSR-2): unverified after 7 days; the address and the details go, the fact stays. */
    @Transactional
    public void expire(long requestId) {
        links.revoke(RequestLinks.VERIFY, requestId);
        records.close(requestId, RequestStatus.EXPIRED, "EXPIRED", clock.now());
        records.forgetRequest(requestId);
        audit.record("system", "PRIVACY_REQUEST_EXPIRED", DataSubjectRequestProcess.businessKey(requestId), null);
    }

    /** The review task's completion: the decision and its reason or question, stored with the request. */
    @Transactional
    public void recordDecision(long requestId, Decision decision, String text, String staffUser) {
        recordDecision(requestId, decision, text, null, staffUser);
    }

    /** As above, with the reason's category (AUD-2), kept for a refusal or a question and recorded in the audit trail. */
    @Transactional
    public void recordDecision(long requestId, Decision decision, String text, DataSubjectRequestProcess.ReasonCategory category,
                               String staffUser) {
        Instant now = clock.now();
        if (decision == Decision.REFUSE) {
            records.addText(requestId, TextKind.REFUSAL_REASON, text, staffUser, now);
        } else if (decision == Decision.ASK_FOR_DETAILS) {
            records.addText(requestId, TextKind.QUESTION, text, staffUser, now);
        }
        DataSubjectRequestProcess.ReasonCategory kept = decision == Decision.APPROVE ? null
                : category != null ? category : DataSubjectRequestProcess.ReasonCategory.OTHER;
        records.decided(requestId, decision == Decision.ASK_FOR_DETAILS ? null : decision.name(), staffUser);
        records.categorised(requestId, kept == null ? null : kept.name());
        audit.record(staffUser, "PRIVACY_REQUEST_" + decision.name(), DataSubjectRequestProcess.businessKey(requestId),
                kept == null ? null : "category=" + kept);
    }

    /** Task_SendRefusal (DSR-4): a refusal always gives its reason. */
    @Transactional
    public void sendRefusal(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        String reason = records.latestText(requestId, TextKind.REFUSAL_REASON).orElse("");
        outbox.enqueue(mail(request, "refusal", "privacy-request-refused", Map.of("reason", reason)));
    }

    /** Task_AskForDetails: the officer's question goes to the requester, who answers by replying. */
    @Transactional
    public void askForDetails(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        String question = records.latestText(requestId, TextKind.QUESTION).orElse("");
        int asked = (int) records.texts(requestId).stream().filter(t -> t.kind() == TextKind.QUESTION).count();
        outbox.enqueue(mail(request, "question-" + asked, "privacy-request-question", Map.of("question", question)));
    }

    /** Task_SendCompletion: the requester hears that their request was carried out. */
    @Transactional
    public void sendCompletion(long requestId) {
        outbox.enqueue(mail(records.get(requestId), "completed", "privacy-request-completed", Map.of()));
    }

    /** Task_SendExtensionNotice (DSR-3, GDPR Art. 12(3)): the requester receives the reason and the new date. */
    @Transactional
    public void sendExtensionNotice(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        if (request.extendedTo() == null || request.email() == null) {
            return;
        }
        String reason = records.latestText(requestId, TextKind.EXTENSION_REASON).orElse("");
        outbox.enqueue(mail(request, "extended", "privacy-request-extended", Map.of("reason", reason,
                "extendedTo", DATE.format(request.extendedTo()), "originalDue", DATE.format(request.dueAt()))));
    }

    /** Task_RecordDeadline (DSR-3): closes the request and appends whether its deadline was met. */
    @Transactional
    public boolean recordDeadline(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        Instant now = clock.now();
        boolean refused = Decision.REFUSE.name().equals(request.outcome());
        String outcome = refused ? "REFUSED" : "COMPLETED";
        records.close(requestId, refused ? RequestStatus.REFUSED : RequestStatus.COMPLETED, outcome, now);
        Instant due = request.effectiveDue() == null ? now : request.effectiveDue(); // DSR-3: the extended date, if extended
        deadlines.append(requestId, due, now, outcome);
        audit.record("system", "PRIVACY_REQUEST_ANSWERED", DataSubjectRequestProcess.businessKey(requestId),
                "deadlineMet=" + !now.isAfter(due));
        return !now.isAfter(due);
    }

    private Mail mail(RequestRecords.Row request, String step, String template, Map<String, Object> extra) {
        Map<String, Object> model = new java.util.HashMap<>(extra);
        model.put("type", request.type().label());
        model.put("requestId", request.id());
        model.put("dueAt", request.effectiveDue() == null ? "" : DATE.format(request.effectiveDue()));
        Mail mail = new Mail("privacy-request-" + request.id() + "-" + step, RequestLinks.subjectRef(request.id()), template,
                request.email(), model).withRole(RecipientRole.REQUESTER);
        return request.subjectId() == null ? mail : mail.toSubject(request.subjectId());
    }
}
