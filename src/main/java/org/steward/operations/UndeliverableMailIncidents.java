package org.steward.operations;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steward.audit.AuditTrail;
import org.steward.mail.MailUndeliverable;

/**
 * The owner of a mail that can never be delivered learns of it (issue 14): the case that queued it gets a Camunda
 * incident of type {@value #INCIDENT_TYPE} (on the queuing step while it is still active, else on the step the case stands at), which
 * Cockpit shows and the open-incidents metric counts; and the audit trail records it (AUD-3). A case that has ended
 * meanwhile, or a mail no process step queued, gets the audit entry, the log line and the metrics only. Runs in the
 * outbox's reporting transaction: either both happen and the mail counts as reported, or neither.
 */
@Component
class UndeliverableMailIncidents {

    static final String INCIDENT_TYPE = "undeliverableMail";

    private static final Logger log = LoggerFactory.getLogger(UndeliverableMailIncidents.class);

    private final RuntimeService runtime;
    private final AuditTrail audit;

    UndeliverableMailIncidents(RuntimeService runtime, AuditTrail audit) {
        this.runtime = runtime;
        this.audit = audit;
    }

    @EventListener
    void on(MailUndeliverable mail) {
        String incident = runningCase(mail).map(executionId -> runtime.createIncident(INCIDENT_TYPE, executionId,
                "outbox-" + mail.outboxId(), message(mail)).getId()).orElse(null);
        // Ids, template, codes only: the address and the server's reply text (which may quote it) stay in the outbox row.
        audit.record("system", "MAIL_UNDELIVERABLE", mail.caseKey(), "outbox=" + mail.outboxId() + " template=" + mail.template()
                + " reason=" + mail.reason() + " smtp=" + mail.smtpCode() + " incident=" + (incident == null ? "none" : incident));
        log.warn("Mail {} ({}) for case {} is undeliverable ({}, SMTP reply {}); incident {}", mail.outboxId(), mail.template(),
                mail.caseKey(), mail.reason(), mail.smtpCode(), incident == null ? "none: no running case" : incident);
    }

    /**
     * An execution of the case that stands at an activity (the engine hangs incidents on activities): the queuing
     * step's while it is still active, else the first active step's. Empty when the case ended or is suspended.
     */
    private Optional<String> runningCase(MailUndeliverable mail) {
        if (mail.processInstanceId() == null) {
            return Optional.empty();
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(mail.processInstanceId()).singleResult();
        if (instance == null || instance.isSuspended() || instance.isEnded()) {
            return Optional.empty();
        }
        List<String> active = runtime.getActiveActivityIds(instance.getId());
        String step = active.contains(mail.activityId()) ? mail.activityId() : active.isEmpty() ? null : active.get(0);
        if (step == null) {
            return Optional.empty();
        }
        return runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(step).list().stream()
                .map(Execution::getId).findFirst();
    }

    private static String message(MailUndeliverable mail) {
        return "Mail '" + mail.template() + "' (outbox " + mail.outboxId() + ") cannot be delivered: " + mail.reason()
                + (mail.smtpCode() > 0 ? ", SMTP reply " + mail.smtpCode() : "")
                + ". See outbox_message " + mail.outboxId() + "; resolve this incident once the case is handled.";
    }
}
