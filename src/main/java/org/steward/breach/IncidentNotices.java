package org.steward.breach;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.breach.BreachProcess.Escalation;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.organisations.Organisation;
import org.steward.organisations.OrganisationRegister;
import org.steward.organisations.SecurityContact;
import org.steward.security.StaffGroups;
import org.steward.subjects.DataSubjects;
import org.steward.system.NotFoundException;

/**
 * The notices and reports to the organisations' security contacts (BRE-2 to BRE-4) and the
 * escalations to security officers, each logged in incident_notice: what went to whom, when, approved by whom (BRE-6).
 */
@Service
public class IncidentNotices {

    private static final Logger log = LoggerFactory.getLogger(IncidentNotices.class);

    private final Incidents incidents;
    private final IncidentReportRepository reports;
    private final IncidentNoticeRepository notices;
    private final OrganisationRegister organisations;
    private final DataSubjects subjects;
    private final IdentityService identityService;
    private final MailOutbox outbox;
    private final Clock clock;

    IncidentNotices(Incidents incidents, IncidentReportRepository reports, IncidentNoticeRepository notices,
                    OrganisationRegister organisations, DataSubjects subjects, IdentityService identityService,
                    MailOutbox outbox, Clock clock) {
        this.incidents = incidents;
        this.reports = reports;
        this.notices = notices;
        this.organisations = organisations;
        this.subjects = subjects;
        this.identityService = identityService;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Task_SendIsoNotice and Task_SendMinimalIsoNotice (BRE-2): one notice to each contact of each organisation. */
    @Transactional
    public int sendIsoNotice(long incidentId, String approvedBy, boolean minimal) {
        Incident incident = incidents.get(incidentId);
        IncidentNotice.Kind kind = minimal ? IncidentNotice.Kind.MINIMAL_ISO_NOTICE : IncidentNotice.Kind.ISO_NOTICE;
        String template = minimal ? "incident-iso-notice-minimal" : "incident-iso-notice";
        return sendToContacts(incident, kind, template, incidents.mailModel(incident), null, approvedBy, "iso-notice");
    }

    /** Task_SendWrittenReport (BRE-3) and Task_SendStatusReport (BRE-4): the report revision, to every contact. */
    @Transactional
    public int sendReport(long incidentId, long reportId) {
        Incident incident = incidents.get(incidentId);
        IncidentReport report = reports.findById(reportId).orElseThrow(() -> new NotFoundException("No report " + reportId));
        if (!report.getIncidentId().equals(incident.getId())) {
            throw new IllegalArgumentException("Report " + reportId + " belongs to another incident");
        }
        Map<String, Object> model = incidents.mailModel(incident);
        model.put("parts", report.getParts());
        model.put("cycle", report.getCycle());
        return switch (report.getKind()) {
            case WRITTEN_REPORT -> sendToContacts(incident, IncidentNotice.Kind.WRITTEN_REPORT, "incident-written-report",
                    model, report.getId(), report.getWrittenBy(), "written-report");
            case STATUS_REPORT -> sendToContacts(incident, IncidentNotice.Kind.STATUS_REPORT, "incident-status-report",
                    model, report.getId(), report.getWrittenBy(), "status-report-" + report.getCycle());
            case MEMBER_NOTICE -> throw new IllegalArgumentException("A member notice goes to members, not organisations");
        };
    }

    private int sendToContacts(Incident incident, IncidentNotice.Kind kind, String template, Map<String, Object> model,
                               Long reportId, String approvedBy, String event) {
        Instant now = clock.instant();
        int sent = 0;
        for (Long organisationId : incident.getOrganisationIds()) {
            Organisation organisation = organisations.organisation(organisationId);
            int contactNumber = 0;
            for (SecurityContact contact : organisation.securityContacts()) {
                contactNumber++;
                String key = "incident-%d-%s-org-%d-contact-%d".formatted(incident.getId(), event, organisationId, contactNumber);
                Map<String, Object> mailModel = new HashMap<>(model);
                mailModel.put("organisationName", organisation.name());
                mailModel.put("contactName", contact.name());
                // The contact is a person we now hold data about (the notice log names them): one subject key.
                long recipient = subjects.findOrCreate(contact.email(), contact.name());
                Mail mail = new Mail(key, "incident:" + incident.getId(), template, contact.email(), mailModel).withRole(RecipientRole.ORGANISATION_ISO).toSubject(recipient);
                if (outbox.enqueue(mail)) {
                    notices.save(new IncidentNotice(incident.getId(), kind, organisationId, reportId, contact.email(),
                            recipient, key, approvedBy, now));
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The escalation tasks: a mail to every security officer (BRE-2 at 12 h and 20 h; late reports; the 72-hour clock). */
    @Transactional
    public int tellOfficers(long incidentId, Escalation escalation, int cycle) {
        Incident incident = incidents.get(incidentId);
        Map<String, Object> model = incidents.mailModel(incident);
        model.put("escalation", escalation.name());
        model.put("cycle", cycle);
        model.put("tasklistUrl", "/camunda/app/tasklist/");
        Instant now = clock.instant();
        int sent = 0;
        for (User officer : identityService.createUserQuery().memberOfGroup(StaffGroups.SECURITY_OFFICERS).list()) {
            if (officer.getEmail() == null || officer.getEmail().isBlank()) {
                continue;
            }
            String key = "incident-%d-escalation-%s-%d-officer-%s".formatted(incidentId, escalation.name(), cycle, officer.getId());
            Map<String, Object> mailModel = new HashMap<>(model);
            mailModel.put("officerName", officer.getFirstName());
            // Officers are staff, known to Camunda's identity service, not data subjects of the community.
            if (outbox.enqueue(new Mail(key, "incident:" + incidentId, "incident-escalation", officer.getEmail(), mailModel).withRole(RecipientRole.SECURITY_OFFICER))) {
                notices.save(new IncidentNotice(incidentId, IncidentNotice.Kind.ESCALATION, null, null, officer.getEmail(),
                        null, key, null, now));
                sent++;
            }
        }
        if (sent == 0) {
            log.warn("Incident {}: escalation {} reached no security officer with an email address", incidentId, escalation);
        }
        return sent;
    }
}
