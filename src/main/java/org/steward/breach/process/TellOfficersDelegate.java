package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentDeadlines;
import org.steward.breach.IncidentNotices;

/** The escalation tasks (BRE-2, BRE-3, BRE-4, BRE-6): mails every security officer; the task's input "escalation" says why. */
@Component
class TellOfficersDelegate implements JavaDelegate {

    private final IncidentNotices service;
    private final IncidentDeadlines deadlines;

    TellOfficersDelegate(IncidentNotices service, IncidentDeadlines deadlines) {
        this.service = service;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incident = BreachProcess.incidentId(execution);
        service.tellOfficers(incident, BreachProcess.Escalation.valueOf((String) execution.getVariable(BreachProcess.ESCALATION)),
                deadlines.currentCycle(incident, IncidentDeadlines.Kind.STATUS_REPORT));
    }
}
