package org.steward.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;

/** What the review form shows (APP-5), fetched by id so that none of it enters the process. */
@Service
public class ApplicationReviews {

    private final Applications applications;
    private final ReferenceRepository references;
    private final Profiles profiles;
    private final DataSubjects subjects;

    ApplicationReviews(Applications applications, ReferenceRepository references, Profiles profiles, DataSubjects subjects) {
        this.applications = applications;
        this.references = references;
        this.profiles = profiles;
        this.subjects = subjects;
    }

    @Transactional(readOnly = true)
    public ApplicationReview review(long applicationId) {
        Application a = applications.get(applicationId);
        Subject applicant = applications.applicant(a);
        Profile p = profiles.get(a.getSubjectId());
        List<Reference> refs = references.findByApplicationIdOrderById(applicationId);
        Map<Long, Subject> referees = subjects.getAll(refs.stream().map(Reference::getRefereeSubjectId)
                .filter(Objects::nonNull).toList());
        return new ApplicationReview(a.getId(), a.getStatus().name(), p.kind().name(), applicant.displayName(),
                applicant.email(), p.phone(), p.postalCode(), p.city(), p.industry(), p.expertise(), p.businessName(),
                p.yearsOfExperience(), p.languages(), a.getOrganisationId(), a.getSubmittedAt(), a.getMoreInfoQuestion(),
                a.getMoreInfoAnswer(), refs.stream().map(r -> ReferenceView.of(r,
                        r.getRefereeSubjectId() == null ? null : referees.get(r.getRefereeSubjectId()))).toList());
    }

    /** The application and its references, without demographics. */
    public record ApplicationReview(long id, String status, String kind, String name, String email, String phone,
                                    String postalCode, String city, String industry, String expertise,
                                    String businessName, Integer yearsOfExperience, String languages,
                                    Long organisationId, Instant submittedAt, String moreInfoQuestion,
                                    String moreInfoAnswer, List<ReferenceView> references) {
    }

    /** One reference; the referee's name is gone once their data is reduced (APP-4). */
    public record ReferenceView(long id, String status, boolean expired, String refereeName, String relationship,
                                String recommendation, Integer knownForYears, String comments, Instant respondedAt) {
        static ReferenceView of(Reference r, Subject referee) {
            return new ReferenceView(r.getId(), r.getStatus().name(), r.getStatus() == Reference.Status.EXPIRED,
                    referee == null ? null : referee.displayName(), r.getRelationship(),
                    r.getRecommendation() == null ? null : r.getRecommendation().name(),
                    r.getKnownForYears(), r.getComments(), r.getRespondedAt());
        }
    }
}
