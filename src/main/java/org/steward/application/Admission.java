package org.steward.application;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.consent.ConsentRequests;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.Members;
import org.steward.subjects.Subject;

/** APP-6: an approved applicant becomes an active member, is told, is asked for the optional consents, and is welcomed. */
@Service
public class Admission {

    private final Applications applications;
    private final Members members;
    private final MailOutbox outbox;
    private final ConsentRequests consentRequests;

    Admission(Applications applications, Members members, MailOutbox outbox, ConsentRequests consentRequests) {
        this.applications = applications;
        this.members = members;
        this.outbox = outbox;
        this.consentRequests = consentRequests;
    }

    /**
     * Admits the applicant; a repeated step admits nobody twice and sends nothing twice. Refused unless the
     * application is under review, every reference settled and the decision APPROVE (issue 7 finding 2).
     */
    @Transactional
    public long admitMember(long applicationId) {
        Application application = applications.get(applicationId);
        if (application.getMemberId() != null) {
            return application.getMemberId();
        }
        applications.requireDecision(application, ApplicationProcess.Decision.APPROVE, "be admitted");
        long memberId = members.admit(application.getSubjectId(), application.getOrganisationId());
        application.approve(memberId);
        Subject applicant = applications.applicant(application);
        Map<String, Object> model = Map.of("name", applicant.displayName());
        outbox.enqueue(new Mail("application-" + applicationId + "-approved", Applications.subjectRef(applicationId),
                "application-approved", applicant.email(), model).withRole(RecipientRole.APPLICANT).toSubject(applicant.id()));
        outbox.enqueue(new Mail("member-" + memberId + "-welcome", "member:" + memberId,
                "member-welcome", applicant.email(), model).withRole(RecipientRole.MEMBER).toSubject(applicant.id()));
        consentRequests.askNewMember(memberId); // APP-6: asked for the optional consents (CON-1)
        return memberId;
    }
}
