package org.steward.privacy.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.privacy.requests.RequestRecords.TextKind;
import org.steward.system.InvalidInputException;
import org.steward.system.validation.PlainTextValidator;

/**
 * DSR-3, GDPR Art. 12(3): a privacy officer extends a request's deadline once, by at most 60 days (the
 * regulation allows two further months; 60 days is the shortest reading of that), with a reason the
 * requester receives. The date is ours (privacy_request.extended_to), the reason a privacy_request_text
 * row; the process only hears {@code Msg_DeadlineExtended} and moves its timers.
 */
@Service
public class RequestExtensions {

    public static final int MAX_DAYS = 60;
    public static final int MAX_REASON = 2000;

    private final RequestRecords records;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final RequestClock clock;
    private final PrivacyRequests requests;

    RequestExtensions(RequestRecords records, RuntimeService runtimeService, AuditTrail audit, RequestClock clock,
                      PrivacyRequests requests) {
        this.records = records;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.clock = clock;
        this.requests = requests;
    }

    /** What the deadline timers read (requestTimers). */
    @Transactional(readOnly = true)
    public RequestDeadline deadline(long requestId) {
        RequestRecords.Row row = records.get(requestId);
        return new RequestDeadline(row.verifiedAt(), row.dueAt(), row.extendedTo());
    }

    /**
     * Why this request cannot be extended now by {@code days} with {@code reason}, per field; empty when it can.
     * Shared by the API and the review form's check.
     */
    @Transactional(readOnly = true)
    public Map<String, String> whyNot(long requestId, Integer days, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (days == null) {
            errors.put("days", "say by how many days the deadline moves (1 to " + MAX_DAYS + ")");
        } else if (days < 1 || days > MAX_DAYS) {
            errors.put("days", "an extension is 1 to " + MAX_DAYS + " days (GDPR Art. 12(3): at most two further months)");
        }
        String text = reason == null ? "" : reason.trim();
        if (text.isEmpty()) {
            errors.put("reason", "write the reason: the requester receives it (DSR-3)");
        } else if (text.length() > MAX_REASON) {
            errors.put("reason", "may be at most " + MAX_REASON + " characters");
        } else if (!PlainTextValidator.isPlainText(text, true)) {
            errors.put("reason", "must be plain text (no control, zero-width or direction-changing characters)");
        }
        RequestRecords.Row row = records.get(requestId);
        if (row.extendedTo() != null) {
            errors.put("extension", "this request's deadline was extended already, to " + RequestSteps.DATE.format(row.extendedTo())
                    + ": a deadline is extended once only");
        } else if (row.status() != RequestStatus.IN_REVIEW) {
            errors.put("extension", "this request is " + row.status().name().toLowerCase().replace('_', ' ')
                    + ": only a verified, open request is extended");
        } else if (row.dueAt() != null && clock.now().isAfter(row.dueAt())) {
            errors.put("extension", "the deadline passed on " + RequestSteps.DATE.format(row.dueAt())
                    + ": an extension is decided before it");
        }
        return errors;
    }

    /** Extends the deadline by {@code days}, stores the reason and tells the process; 400 with a message per field otherwise. */
    @Transactional
    public RequestView extend(long requestId, Integer days, String reason, String staffUser) {
        Map<String, String> errors = whyNot(requestId, days, reason);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RequestRecords.Row row = records.get(requestId);
        Instant to = row.dueAt().plus(Duration.ofDays(days));
        if (!records.extend(requestId, to, staffUser)) {
            throw new InvalidInputException(Map.of("extension", "this request's deadline was extended already: a deadline is extended once only"));
        }
        records.addText(requestId, TextKind.EXTENSION_REASON, reason.trim(), staffUser, clock.now());
        audit.record(staffUser, "PRIVACY_REQUEST_EXTENDED", DataSubjectRequestProcess.businessKey(requestId), "days=" + days);
        runtimeService.createMessageCorrelation(DataSubjectRequestProcess.MSG_DEADLINE_EXTENDED)
                .processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId))
                .correlateWithResult();
        return requests.view(requestId);
    }
}
