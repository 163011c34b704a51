package org.steward.application;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.links.InvalidLinkException;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.Members;
import org.steward.members.Profiles;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.OptimisticRetry;
import org.steward.system.StewardProperties;

/**
 * Issue 7 finding 6: an application reaches nobody but the applicant until they confirm their address
 * through the emailed link; referees are asked only after. An application whose address is never
 * confirmed is discarded with everything it brought in: its references and the people nothing else
 * we keep refers to.
 */
@Service
public class EmailConfirmation {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Applications applications;
    private final ApplicationRepository applicationRows;
    private final ReferenceRepository references;
    private final DataSubjects subjects;
    private final Profiles profiles;
    private final Members members;
    private final RuntimeService runtimeService;
    private final MailOutbox outbox;
    private final LinkService links;
    private final OptimisticRetry retry;
    private final AuditTrail audit;
    private final StewardProperties.Application settings;
    private final Clock clock;

    EmailConfirmation(Applications applications, ApplicationRepository applicationRows, ReferenceRepository references,
                      DataSubjects subjects, Profiles profiles, Members members, RuntimeService runtimeService,
                      MailOutbox outbox, LinkService links, OptimisticRetry retry, AuditTrail audit,
                      StewardProperties properties, Clock clock) {
        this.applications = applications;
        this.applicationRows = applicationRows;
        this.references = references;
        this.subjects = subjects;
        this.profiles = profiles;
        this.members = members;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.links = links;
        this.retry = retry;
        this.audit = audit;
        this.settings = properties.application();
        this.clock = clock;
    }

    /**
     * Emails the applicant a single-use link that confirms their address, valid as long as the process
     * waits for it. The mail carries nothing the applicant typed: whoever owns the address may not be
     * the person who applied.
     */
    @Transactional
    public void sendConfirmation(long applicationId) {
        Application application = applications.get(applicationId);
        if (application.getStatus() != Application.Status.AWAITING_EMAIL_CONFIRMATION) {
            return; // confirmed already: the step ran again
        }
        String token = links.issue(ApplicationLinks.EMAIL_CONFIRMATION, applicationId, settings.emailConfirmationWait());
        Subject applicant = applications.applicant(application);
        outbox.enqueue(new Mail("application-" + applicationId + "-email-confirmation", Applications.subjectRef(applicationId),
                "application-email-confirmation", applicant.email(),
                Map.of("confirmPath", ApplicationLinks.EMAIL_CONFIRMATION_PATH + token,
                        "deadline", DEADLINE.format(clock.instant().plus(settings.emailConfirmationWait())))).withRole(RecipientRole.APPLICANT)
                .toSubject(applicant.id()));
    }

    /** GET of the link: valid or not, nothing changes. */
    @Transactional(readOnly = true)
    public void checkLink(String token) {
        applications.get(links.check(ApplicationLinks.EMAIL_CONFIRMATION, token).subjectId());
    }

    /**
     * POST of the link: the address is confirmed and the waiting process goes on to ask the referees.
     * The link works once, in the transaction that confirms, so the process hears of it exactly once.
     *
     * @return false if the address had been confirmed before (nothing changes)
     */
    public boolean confirm(String token) {
        return retry.inTransaction(() -> {
            long applicationId = links.consume(ApplicationLinks.EMAIL_CONFIRMATION, token).subjectId();
            Application application = applicationRows.findById(applicationId)
                    .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN));
            if (!application.confirmEmail(clock.instant())) {
                return false;
            }
            audit.record("applicant", "APPLICANT_EMAIL_CONFIRMED", ApplicationProcess.businessKey(applicationId), null);
            runtimeService.createMessageCorrelation(ApplicationProcess.MSG_APPLICANT_EMAIL_CONFIRMED)
                    .processInstanceBusinessKey(ApplicationProcess.businessKey(applicationId))
                    .correlateWithResult();
            return true;
        });
    }

    /**
     * Nobody confirmed the address in time: the application goes, with its references, its link, the
     * applicant's profile and every person it named whom nothing else we keep refers to. Nobody but the
     * address owner was ever written to. A repeated step finds nothing left and does nothing.
     */
    @Transactional
    public void discardUnconfirmed(long applicationId) {
        Optional<Application> found = applicationRows.findById(applicationId);
        if (found.isEmpty()) {
            return;
        }
        Application application = found.get();
        if (application.getStatus() != Application.Status.AWAITING_EMAIL_CONFIRMATION) {
            throw Applications.refused(application, "be discarded", "its address was confirmed");
        }
        links.revoke(ApplicationLinks.EMAIL_CONFIRMATION, applicationId);
        List<Reference> named = references.findByApplicationIdOrderById(applicationId);
        references.deleteAll(named);
        long applicant = application.getSubjectId();
        applicationRows.delete(application);
        applicationRows.flush();
        for (Reference reference : named) {
            if (reference.getRefereeSubjectId() != null) {
                subjects.forgetIfUnused(reference.getRefereeSubjectId());
            }
        }
        if (!applicationRows.existsBySubjectId(applicant) && members.memberIdOf(applicant).isEmpty()) {
            profiles.forget(applicant);
        }
        subjects.forgetIfUnused(applicant);
        audit.record("system", "APPLICATION_DISCARDED", ApplicationProcess.businessKey(applicationId),
                "reason=address-not-confirmed references=" + named.size());
    }
}
