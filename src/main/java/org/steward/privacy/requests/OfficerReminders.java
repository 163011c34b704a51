package org.steward.privacy.requests;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.security.StaffGroups;

/** DSR-3: the privacy officers are reminded on day 20 and escalated to on day 27, by mail naming the request number only. */
@Service
public class OfficerReminders {

    public enum Stage { REMINDER, ESCALATION }

    private static final Logger log = LoggerFactory.getLogger(OfficerReminders.class);

    private final RequestRecords records;
    private final IdentityService identityService;
    private final MailOutbox outbox;
    private final AuditTrail audit;

    OfficerReminders(RequestRecords records, IdentityService identityService, MailOutbox outbox, AuditTrail audit) {
        this.records = records;
        this.identityService = identityService;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Task_RemindOfficers and Task_EscalateToOfficers: one mail to every privacy officer with an address. */
    @Transactional
    public int tell(long requestId, Stage stage) {
        RequestRecords.Row request = records.get(requestId);
        int sent = 0;
        for (User officer : identityService.createUserQuery().memberOfGroup(StaffGroups.PRIVACY_OFFICERS).list()) {
            if (officer.getEmail() == null || officer.getEmail().isBlank()) {
                continue;
            }
            // Officers are staff, known to Camunda's identity service, not data subjects of the community.
            // After an extension (DSR-3) the watch starts again: its reminders are new mails, not repeats.
            String key = "privacy-request-%d-%s%s-officer-%s".formatted(requestId, stage.name().toLowerCase(),
                    request.extendedTo() == null ? "" : "-extended", officer.getId());
            if (outbox.enqueue(new Mail(key, RequestLinks.subjectRef(requestId), "privacy-request-reminder", officer.getEmail(),
                    Map.of("requestId", requestId, "type", request.type().label(), "escalation", stage == Stage.ESCALATION,
                            "dueAt", request.effectiveDue() == null ? "" : RequestSteps.DATE.format(request.effectiveDue()),
                            "tasklistUrl", "/camunda/app/tasklist/")).withRole(RecipientRole.PRIVACY_OFFICER))) {
                sent++;
            }
        }
        if (sent == 0) {
            log.warn("Privacy request {}: the {} reached no privacy officer with an email address", requestId, stage);
        }
        audit.record("system", "PRIVACY_REQUEST_" + stage.name(), DataSubjectRequestProcess.businessKey(requestId), "officers=" + sent);
        return sent;
    }
}
