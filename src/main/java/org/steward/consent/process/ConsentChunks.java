package org.steward.consent.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.ConsentRenewals;
import org.steward.consent.Newsletters;
import org.steward.consent.PolicyChanges;

/** The collections the consent processes' chunked steps run over: one job per thousand member ids. */
@Component("consentChunks")
public class ConsentChunks {

    private final ConsentRenewals renewals;
    private final Newsletters newsletters;
    private final PolicyChanges policies;

    ConsentChunks(ConsentRenewals renewals, Newsletters newsletters, PolicyChanges policies) {
        this.renewals = renewals;
        this.newsletters = newsletters;
        this.policies = policies;
    }

    /** CON-3: the chunks with consents of this expiry day still given, evaluated as each step starts. */
    public List<Long> expiring(DelegateExecution execution) {
        return renewals.chunks(ConsentProcesses.caseId(execution, ConsentProcesses.RENEWAL_CASE));
    }

    public List<Long> newsletter(DelegateExecution execution) {
        return newsletters.chunks(ConsentProcesses.caseId(execution, ConsentProcesses.NEWSLETTER_CASE));
    }

    public List<Long> policyNotices(DelegateExecution execution) {
        return policies.chunks(ConsentProcesses.caseId(execution, ConsentProcesses.POLICY_CASE));
    }
}
