package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.OrganisationNotices;

/** Task_InformOrganisation (DSR-5): an administering member organisation hears the type and outcome. */
@Component
class InformOrganisationDelegate implements JavaDelegate {

    private final OrganisationNotices service;

    InformOrganisationDelegate(OrganisationNotices service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.inform(DataSubjectRequestProcess.requestId(execution));
    }
}
