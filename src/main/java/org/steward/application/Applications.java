package org.steward.application;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.NotFoundException;

/** Finding an application and its applicant: shared by the classes that each do one job with it. */
@Component
class Applications {

    private final ApplicationRepository applications;
    private final DataSubjects subjects;

    Applications(ApplicationRepository applications, DataSubjects subjects) {
        this.applications = applications;
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

    static String subjectRef(long applicationId) {
        return "application:" + applicationId;
    }
}
