package org.steward.consent.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.ConsentProperties;
import org.steward.consent.ConsentRenewals;
import org.steward.consent.PolicyChanges;

/** The dates and durations the consent processes' timers read (CON-3, CON-4, CON-6, CON-7). */
@Component("consentTimers")
public class ConsentTimers {

    private final ConsentRenewals renewals;
    private final PolicyChanges policies;
    private final ConsentProperties settings;

    ConsentTimers(ConsentRenewals renewals, PolicyChanges policies, ConsentProperties settings) {
        this.renewals = renewals;
        this.policies = policies;
        this.settings = settings;
    }

    /** CON-3: 30 days before the expiry day begins. */
    public Date renewalRequestAt(DelegateExecution execution) {
        return Date.from(renewals.renewalRequestAt(day(execution)));
    }

    /** CON-3: 7 days before the expiry day begins. */
    public Date reminderAt(DelegateExecution execution) {
        return Date.from(renewals.reminderAt(day(execution)));
    }

    /** CON-3: when the expiry day is over. */
    public Date lapseAt(DelegateExecution execution) {
        return Date.from(renewals.lapseAt(day(execution)));
    }

    /** CON-6: the start of the policy's effective date. */
    public Date policyEffectiveAt(DelegateExecution execution) {
        return Date.from(policies.effectiveAt(ConsentProcesses.caseId(execution, ConsentProcesses.POLICY_CASE)));
    }

    /** CON-4: how long the member has to confirm a release (P14D). */
    public String getReleaseAnswerWithin() {
        return settings.releaseAnswerWithin().toString();
    }

    /** CON-7: how long an invited friend's address is kept (P90D). */
    public String getFriendAddressKeptFor() {
        return settings.friendAddressKeptFor().toString();
    }

    private static long day(DelegateExecution execution) {
        return ConsentProcesses.caseId(execution, ConsentProcesses.RENEWAL_CASE);
    }
}
