package org.steward.application;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.application.ApplicationProcess.Decision;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.ConflictException;
import org.steward.system.NotFoundException;

/** Finding an application and its applicant, and the state checks every step shares. */
@Component
class Applications {

    private final ApplicationRepository applications;
    private final ReferenceRepository references;
    private final DataSubjects subjects;

    Applications(ApplicationRepository applications, ReferenceRepository references, DataSubjects subjects) {
        this.applications = applications;
        this.references = references;
        this.subjects = subjects;
    }

    @Transactional(readOnly = true)
    Application get(long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("No application " + applicationId));
    }

    /** Who applied: the address we write to and the name they gave. */
    @Transactional(readOnly = true)
    Subject applicant(Application application) {
        return subjects.get(application.getSubjectId());
    }

    /**
     * Issue 7 findings 2 and 11: a decision, and each step that carries one out, needs an application under
     * review whose references are all settled. Anything else is refused with a message naming the case and
     * the reason; in a process step the refusal becomes an incident carrying that message.
     *
     * @param doing what was attempted, e.g. "be admitted"
     */
    void requireUnderReview(Application application, String doing) {
        if (application.getStatus() != Application.Status.UNDER_REVIEW) {
            throw refused(application, doing, "it is " + application.getStatus() + ", not UNDER_REVIEW");
        }
        long awaited = references.countByApplicationIdAndStatus(application.getId(), Reference.Status.REQUESTED);
        if (awaited > 0) {
            throw refused(application, doing, awaited == 1 ? "a reference is still awaited" : awaited + " references are still awaited");
        }
    }

    /** As {@link #requireUnderReview}, and the recorded decision must be the one this step carries out. */
    void requireDecision(Application application, Decision decision, String doing) {
        requireUnderReview(application, doing);
        if (application.getDecision() != decision) {
            throw refused(application, doing, "the recorded decision is " + application.getDecision() + ", not " + decision);
        }
    }

    static ConflictException refused(Application application, String doing, String why) {
        return new ConflictException("Application #" + application.getId() + " cannot " + doing + ": " + why + ".");
    }

    static String subjectRef(long applicationId) {
        return "application:" + applicationId;
    }
}
