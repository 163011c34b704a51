package org.steward.application;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.application.ApplicationProcess.Decision;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.subjects.Subject;
import org.steward.system.InvalidInputException;
import org.steward.system.OptimisticRetry;
import org.steward.system.StewardProperties;

/** The reviewer's decision and the steps that follow it: a question to the applicant and its answer, a rejection (APP-5). */
@Service
public class ApplicationDecisions {

    private static final int MAX_REASON_LENGTH = 2000;
    private static final int MAX_ANSWER_LENGTH = 4000;

    private final Applications applications;
    private final RuntimeService runtimeService;
    private final MailOutbox outbox;
    private final LinkService links;
    private final OptimisticRetry retry;
    private final StewardProperties.Application settings;
    private final Clock clock;

    ApplicationDecisions(Applications applications, RuntimeService runtimeService, MailOutbox outbox, LinkService links,
                         OptimisticRetry retry, StewardProperties properties, Clock clock) {
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.links = links;
        this.retry = retry;
        this.settings = properties.application();
        this.clock = clock;
    }

    /** Records the reviewer's decision; the reason is required for REJECT and MORE_INFO (APP-5). */
    @Transactional
    public Decision recordDecision(long applicationId, String decisionName, String reason, String staffUser) {
        Decision decision = parseDecision(decisionName);
        String trimmedReason = reason == null ? "" : reason.trim();
        if (decision != Decision.APPROVE && trimmedReason.isEmpty()) {
            throw new BadUserRequestException("A reason is required to reject an application or to ask for more information.");
        }
        if (trimmedReason.length() > MAX_REASON_LENGTH) {
            throw new BadUserRequestException("The reason may be at most " + MAX_REASON_LENGTH + " characters.");
        }
        get(applicationId).recordDecision(decision, trimmedReason.isEmpty() ? null : trimmedReason, staffUser, clock.instant());
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
        application.requestMoreInformation();
        Subject applicant = applications.applicant(application);
        String token = links.issue(ApplicationLinks.MORE_INFORMATION, applicationId, settings.moreInformationWait());
        outbox.enqueue(new Mail("application-" + applicationId + "-more-info-" + application.getDecidedAt().toEpochMilli(),
                Applications.subjectRef(applicationId), "application-more-information", applicant.email(),
                Map.of("name", applicant.displayName(),
                        "question", application.getMoreInfoQuestion(),
                        "answerPath", ApplicationLinks.MORE_INFORMATION_PATH + token)).toSubject(applicant.id()));
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
        retry.inTransaction(() -> {
            long applicationId = links.consume(ApplicationLinks.MORE_INFORMATION, token).subjectId();
            get(applicationId).recordAnswer(trimmed, clock.instant());
            runtimeService.createMessageCorrelation(ApplicationProcess.MSG_MORE_INFORMATION_RECEIVED)
                    .processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId))
                    .correlateWithResult();
            return applicationId;
        });
    }

    /** Tells the applicant the application was declined, with the reviewer's reason. */
    @Transactional
    public void sendRejection(long applicationId) {
        Application application = get(applicationId);
        application.reject();
        Subject applicant = applications.applicant(application);
        outbox.enqueue(new Mail("application-" + applicationId + "-rejected", Applications.subjectRef(applicationId),
                "application-rejected", applicant.email(),
                Map.of("name", applicant.displayName(), "reason", application.getDecisionReason())).toSubject(applicant.id()));
    }

    private Application get(long applicationId) {
        return applications.get(applicationId);
    }
}
