package org.steward.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.application.ApplicationProcess.Decision;
import org.steward.audit.AuditTrail;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.subjects.Subject;
import org.steward.system.ConflictException;
import org.steward.system.InvalidInputException;
import org.steward.system.OptimisticRetry;
import org.steward.system.StewardProperties;
import org.steward.system.validation.PlainTextValidator;

/**
 * The review and what follows it (APP-5): the review opens, the reviewer decides, the applicant is asked a
 * question and answers, or is told of a rejection. Each step refuses a case whose state does not allow it.
 */
@Service
public class ApplicationDecisions {

    private static final int MAX_REASON_LENGTH = 2000;
    private static final int MAX_ANSWER_LENGTH = 4000;

    private final Applications applications;
    private final RuntimeService runtimeService;
    private final MailOutbox outbox;
    private final LinkService links;
    private final OptimisticRetry retry;
    private final AuditTrail audit;
    private final StewardProperties.Application settings;
    private final Clock clock;

    ApplicationDecisions(Applications applications, RuntimeService runtimeService, MailOutbox outbox, LinkService links,
                         OptimisticRetry retry, AuditTrail audit, StewardProperties properties, Clock clock) {
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.links = links;
        this.retry = retry;
        this.audit = audit;
        this.settings = properties.application();
        this.clock = clock;
    }

    /**
     * A review task opens (issue 7 finding 11): the application is UNDER_REVIEW until the decision is
     * carried out, after the references and again after each question to the applicant.
     */
    @Transactional
    public void openReview(long applicationId) {
        Application application = get(applicationId);
        switch (application.getStatus()) {
            case AWAITING_REFERENCES, MORE_INFORMATION_REQUESTED -> {
                String before = application.getStatus().name();
                application.openReview();
                audit.record("system", "APPLICATION_UNDER_REVIEW", ApplicationProcess.businessKey(applicationId), "from=" + before);
            }
            case UNDER_REVIEW -> { } // the step ran again: nothing changes
            default -> throw Applications.refused(application, "be reviewed", "it is " + application.getStatus());
        }
    }

    /** Why the application cannot be decided now, if it cannot: the review form says so before anything is saved. */
    @Transactional(readOnly = true)
    public Optional<String> whyNotDecidable(long applicationId) {
        try {
            applications.requireUnderReview(get(applicationId), "be decided now");
            return Optional.empty();
        } catch (ConflictException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Records the reviewer's decision; the reason is required for REJECT and MORE_INFO (APP-5). Refused
     * unless the application is under review with every reference settled (issue 7 finding 2).
     */
    @Transactional
    public Decision recordDecision(long applicationId, String decisionName, String reason, String staffUser) {
        return recordDecision(applicationId, decisionName, reason, null, staffUser);
    }

    /** As above, with the reason's category (AUD-2): kept for a rejection or a question, recorded in the audit trail. */
    @Transactional
    public Decision recordDecision(long applicationId, String decisionName, String reason, ApplicationProcess.ReasonCategory category,
                                   String staffUser) {
        applications.requireUnderReview(get(applicationId), "be decided");
        Decision decision = parseDecision(decisionName);
        String trimmedReason = reason == null ? "" : reason.trim();
        if (decision != Decision.APPROVE && trimmedReason.isEmpty()) {
            throw new BadUserRequestException("A reason is required to reject an application or to ask for more information.");
        }
        if (trimmedReason.length() > MAX_REASON_LENGTH) {
            throw new BadUserRequestException("The reason may be at most " + MAX_REASON_LENGTH + " characters.");
        }
        ApplicationProcess.ReasonCategory kept = decision == Decision.APPROVE ? null
                : category != null ? category : ApplicationProcess.ReasonCategory.OTHER;
        get(applicationId).recordDecision(decision, trimmedReason.isEmpty() ? null : trimmedReason, kept, staffUser, clock.instant());
        audit.record(staffUser == null ? "system" : staffUser, "APPLICATION_DECIDED", ApplicationProcess.businessKey(applicationId),
                "decision=" + decision + (kept == null ? "" : " category=" + kept));
        return decision;
    }

    private static Decision parseDecision(String decisionName) {
        try {
            return Decision.valueOf(decisionName);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadUserRequestException("decision must be one of APPROVE, REJECT or MORE_INFO.");
        }
    }

    /** Emails the applicant the reviewer's question with a link to answer it. */
    @Transactional
    public void requestMoreInformation(long applicationId) {
        Application application = get(applicationId);
        applications.requireDecision(application, Decision.MORE_INFO, "be sent a question");
        application.requestMoreInformation();
        Subject applicant = applications.applicant(application);
        String token = links.issue(ApplicationLinks.MORE_INFORMATION, applicationId, settings.moreInformationWait());
        outbox.enqueue(new Mail("application-" + applicationId + "-more-info-" + application.getDecidedAt().toEpochMilli(),
                Applications.subjectRef(applicationId), "application-more-information", applicant.email(),
                Map.of("name", applicant.displayName(),
                        "question", application.getMoreInfoQuestion(),
                        "answerPath", ApplicationLinks.MORE_INFORMATION_PATH + token)).withRole(RecipientRole.APPLICANT).toSubject(applicant.id()));
    }

    /** What the more-information page shows: whom it greets and the reviewer's question. */
    public record MoreInformationRequest(String name, String question) {
    }

    @Transactional(readOnly = true)
    public MoreInformationRequest checkMoreInformationLink(String token) {
        Application application = get(links.check(ApplicationLinks.MORE_INFORMATION, token).subjectId());
        return new MoreInformationRequest(applications.applicant(application).displayName(), application.getMoreInfoQuestion());
    }

    /** The applicant's answer: stored, then the waiting process continues. Once per link. */
    public void answerMoreInformation(String token, String answer) {
        String trimmed = answer == null ? "" : answer.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_ANSWER_LENGTH) {
            throw new InvalidInputException(Map.of("answer", "write an answer of at most " + MAX_ANSWER_LENGTH + " characters"));
        }
        if (!PlainTextValidator.isPlainText(answer, true)) { // as typed: trim() would hide control characters at the ends
            throw new InvalidInputException(Map.of("answer",
                    "write plain text: no control, zero-width or direction-changing characters"));
        }
        retry.inTransaction(() -> {
            long applicationId = links.consume(ApplicationLinks.MORE_INFORMATION, token).subjectId();
            get(applicationId).recordAnswer(trimmed, clock.instant());
            runtimeService.createMessageCorrelation(ApplicationProcess.MSG_MORE_INFORMATION_RECEIVED)
                    .processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId))
                    .correlateWithResult();
            return applicationId;
        });
    }

    /** Tells the applicant the application was declined, with the reviewer's reason. Once. */
    @Transactional
    public void sendRejection(long applicationId) {
        Application application = get(applicationId);
        if (application.getStatus() == Application.Status.REJECTED) {
            return;
        }
        applications.requireDecision(application, Decision.REJECT, "be rejected");
        application.reject();
        Subject applicant = applications.applicant(application);
        outbox.enqueue(new Mail("application-" + applicationId + "-rejected", Applications.subjectRef(applicationId),
                "application-rejected", applicant.email(),
                Map.of("name", applicant.displayName(), "reason", application.getDecisionReason())).withRole(RecipientRole.APPLICANT).toSubject(applicant.id()));
    }

    private Application get(long applicationId) {
        return applications.get(applicationId);
    }
}
