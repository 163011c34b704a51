package org.steward.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.links.LinkService;
import org.steward.tasks.CaseKey;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.Text;
import org.steward.system.NotFoundException;
import org.steward.system.OptimisticRetry;
import org.steward.system.StewardProperties;

/** Reference checks: request, remind, expire, receive, and the referee's data rights (APP-3, APP-4). */
@Service("referenceService")
public class ReferenceService {

    private final ReferenceRepository references;
    private final Applications applications;
    private final DataSubjects subjects;
    private final RuntimeService runtimeService;
    private final MailOutbox outbox;
    private final LinkService links;
    private final OptimisticRetry retry;
    private final StewardProperties.Application settings;
    private final Clock clock;

    ReferenceService(ReferenceRepository references, Applications applications, DataSubjects subjects,
                     RuntimeService runtimeService, MailOutbox outbox, LinkService links, OptimisticRetry retry,
                     StewardProperties properties, Clock clock) {
        this.references = references;
        this.applications = applications;
        this.subjects = subjects;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.links = links;
        this.retry = retry;
        this.settings = properties.application();
        this.clock = clock;
    }

    /** The references the process waits for: one multi-instance branch each. */
    @Transactional(readOnly = true)
    public List<Long> idsFor(String businessKey) {
        long applicationId = CaseKey.idOf(businessKey, ApplicationProcess.CASE);
        return references.findByApplicationIdOrderById(applicationId).stream().map(Reference::getId).toList();
    }

    /**
     * Emails the referee a link to the reference form and a link to remove their data; never before the
     * applicant has confirmed their address (issue 7 finding 6).
     */
    @Transactional
    public void requestReference(long referenceId) {
        Reference reference = get(referenceId);
        requireConfirmedApplicant(reference, "ask a referee");
        if (reference.isAwaited()) {
            outbox.enqueue(refereeMail(reference, "request", "application-reference-request"));
        }
    }

    /** APP-3: a reminder after the configured wait; the first links stay valid, new ones come with it. */
    @Transactional
    public void remindReferee(long referenceId) {
        Reference reference = get(referenceId);
        requireConfirmedApplicant(reference, "remind a referee");
        if (reference.isAwaited()) {
            reference.remind(clock.instant());
            outbox.enqueue(refereeMail(reference, "reminder", "application-reference-reminder"));
        }
    }

    private void requireConfirmedApplicant(Reference reference, String doing) {
        Application application = applications.get(reference.getApplicationId());
        if (application.getStatus() == Application.Status.AWAITING_EMAIL_CONFIRMATION) {
            throw Applications.refused(application, doing, "the applicant has not confirmed their address");
        }
    }

    /** Names only: nothing else the applicant wrote (relationship, expertise) reaches a referee (issue 7 finding 6). */
    private Mail refereeMail(Reference reference, String event, String template) {
        String formToken = links.issue(ApplicationLinks.REFERENCE_FORM, reference.getId(), settings.linkValidity());
        String removalToken = links.issue(ApplicationLinks.REFEREE_REMOVAL, reference.getId(), settings.linkValidity());
        Subject referee = subjects.get(reference.getRefereeSubjectId());
        return new Mail("reference-" + reference.getId() + "-" + event, "reference:" + reference.getId(), template,
                referee.email(),
                Map.of("refereeName", referee.displayName(),
                        "applicantName", applicantName(reference),
                        "formPath", ApplicationLinks.REFERENCE_FORM_PATH + formToken,
                        "removalPath", ApplicationLinks.REFEREE_REMOVAL_PATH + removalToken)).withRole(RecipientRole.REFEREE).toSubject(referee.id());
    }

    /** APP-3: no answer in time; the form link closes and reviewers see the reference as expired. */
    @Transactional
    public void expireReference(long referenceId) {
        if (get(referenceId).expire()) {
            links.revoke(ApplicationLinks.REFERENCE_FORM, referenceId);
        }
    }

    @Transactional(readOnly = true)
    public RefereeView checkReferenceLink(String token) {
        return view(get(links.check(ApplicationLinks.REFERENCE_FORM, token).subjectId()));
    }

    /** What the removal page shows; once only the outcome is left, that the data is already gone (finding 11). */
    @Transactional(readOnly = true)
    public RefereeView checkRemovalLink(String token) {
        return view(get(links.check(ApplicationLinks.REFEREE_REMOVAL, token).subjectId()));
    }

    private RefereeView view(Reference reference) {
        if (reference.isReduced() || reference.getRefereeSubjectId() == null) {
            return RefereeView.GONE;
        }
        return new RefereeView(subjects.get(reference.getRefereeSubjectId()).displayName(), applicantName(reference), false);
    }

    /** The referee's answer: stored with the link used up, and the waiting branch continues. */
    public void submitReference(String token, ReferenceAnswer answer) {
        retry.inTransaction(() -> {
            long referenceId = links.consume(ApplicationLinks.REFERENCE_FORM, token).subjectId();
            Reference reference = get(referenceId);
            reference.receive(answer.recommendation(), answer.knownForYears(), Text.blankToNull(answer.comments()), clock.instant());
            runtimeService.createMessageCorrelation(ApplicationProcess.MSG_REFERENCE_RECEIVED)
                    .processInstanceBusinessKey(ApplicationProcess.businessKey(reference.getApplicationId()))
                    .localVariableEquals(ApplicationProcess.REFERENCE_ID, referenceId)
                    .correlateWithResult();
            return referenceId;
        });
    }

    /**
     * APP-4: the referee removes their data, at any time. A branch still waiting for them ends. Once the
     * application is decided only the non-identifying outcome is left, and it stays as it is (finding 11).
     *
     * @return false if there was nothing left to remove (nothing changed, the link stays as it was)
     */
    public boolean removeRefereeData(String token) {
        return retry.inTransaction(() -> {
            long referenceId = links.check(ApplicationLinks.REFEREE_REMOVAL, token).subjectId();
            Reference reference = get(referenceId);
            if (reference.isReduced()) {
                return false;
            }
            links.consume(ApplicationLinks.REFEREE_REMOVAL, token);
            boolean wasAwaited = reference.isAwaited();
            forget(reference.removeRefereeData(clock.instant()));
            links.revoke(ApplicationLinks.REFERENCE_FORM, referenceId);
            if (wasAwaited) {
                runtimeService.createMessageCorrelation(ApplicationProcess.MSG_REFEREE_DATA_REMOVED)
                        .processInstanceBusinessKey(ApplicationProcess.businessKey(reference.getApplicationId()))
                        .localVariableEquals(ApplicationProcess.REFERENCE_ID, referenceId)
                        .correlateAll();
            }
            return true;
        });
    }

    /** APP-4: once decided, each reference keeps only its non-identifying outcome. */
    @Transactional
    public void reduceRefereeData(long applicationId) {
        for (Reference reference : references.findByApplicationIdOrderById(applicationId)) {
            forget(reference.reduce(clock.instant()));
            links.revoke(ApplicationLinks.REFERENCE_FORM, reference.getId());
        }
    }

    private Reference get(long referenceId) {
        return references.findById(referenceId).orElseThrow(() -> new NotFoundException("No reference " + referenceId));
    }

    private String applicantName(Reference reference) {
        return applications.applicant(applications.get(reference.getApplicationId())).displayName();
    }

    /** APP-4: the referee's name and address go too, unless they are more to us than this referee. */
    private void forget(Long refereeSubjectId) {
        if (refereeSubjectId != null) {
            subjects.forgetIfUnused(refereeSubjectId);
        }
    }


    /** What a referee's page shows; {@code dataGone} when nothing identifying is left to show or remove. */
    public record RefereeView(String refereeName, String applicantName, boolean dataGone) {
        static final RefereeView GONE = new RefereeView(null, null, true);
    }
}
