package org.steward.application;

import org.springframework.stereotype.Component;
import org.steward.subjects.SubjectUsage;

/** An applicant, and a referee whose reference still names them, are people we hold data about. */
@Component
class ApplicationSubjectUsage implements SubjectUsage {

    private final ApplicationRepository applications;
    private final ReferenceRepository references;

    ApplicationSubjectUsage(ApplicationRepository applications, ReferenceRepository references) {
        this.applications = applications;
        this.references = references;
    }

    @Override
    public boolean uses(long subjectId) {
        return applications.existsBySubjectId(subjectId) || references.existsByRefereeSubjectId(subjectId);
    }
}
