package org.steward.privacy.requests;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.Members;
import org.steward.organisations.OrganisationAdministrator;
import org.steward.organisations.OrganisationRegister;

/**
 * DSR-5: a member who joined through an organisation that administers its members: when their request
 * ends, the organisation's administrator hears its number, type and outcome, never the details. The mail
 * names the member by number, not by name, so that it is no residue when the member is erased later.
 */
@Service
public class OrganisationNotices {

    private final RequestRecords records;
    private final Members members;
    private final OrganisationRegister organisations;
    private final MailOutbox outbox;
    private final AuditTrail audit;

    OrganisationNotices(RequestRecords records, Members members, OrganisationRegister organisations, MailOutbox outbox,
                        AuditTrail audit) {
        this.records = records;
        this.members = members;
        this.organisations = organisations;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Task_InformOrganisation: true if an administrator was told. */
    @Transactional
    public boolean inform(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        Optional<Long> memberId = Optional.ofNullable(request.subjectId()).flatMap(members::memberIdOf);
        Optional<OrganisationAdministrator> administrator = memberId.map(id -> members.view(id).organisationId())
                .flatMap(organisationId -> organisationId == null ? Optional.empty() : organisations.memberAdministrator(organisationId));
        if (administrator.isEmpty()) {
            return false;
        }
        OrganisationAdministrator to = administrator.get();
        String outcome = "REFUSED".equals(request.outcome()) ? "refused" : "carried out";
        outbox.enqueue(new Mail("privacy-request-" + requestId + "-organisation", RequestLinks.subjectRef(requestId),
                "privacy-request-organisation", to.email(), Map.of("administratorName", to.name() == null ? "" : to.name(),
                "organisation", to.organisation(), "memberId", memberId.get(), "requestId", requestId,
                "type", request.type().label(), "outcome", outcome)).withRole(RecipientRole.ORGANISATION_ADMINISTRATOR));
        audit.record("system", "PRIVACY_REQUEST_ORGANISATION_INFORMED", DataSubjectRequestProcess.businessKey(requestId),
                "organisation=" + to.organisationId());
        return true;
    }
}
