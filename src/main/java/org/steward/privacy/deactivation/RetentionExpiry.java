package org.steward.privacy.deactivation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.members.Members;
import org.steward.privacy.erasure.Erasure;
import org.steward.privacy.deactivation.DeactivationRecords.Deactivation;

/**
 * DSR-6: the retention period after a deactivation ended, so the member is anonymised. Usually the member's
 * own process timer gets here; the daily retention sweep (RET-1) catches anyone it missed.
 */
@Component
public class RetentionExpiry {

    static final String REASON = "retention after deactivation ended (DSR-6)";

    private final DeactivationRecords records;
    private final Erasure erasure;
    private final Members members;
    private final MemberProcesses processes;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionExpiry(DeactivationRecords records, Erasure erasure, Members members, MemberProcesses processes,
                    AuditTrail audit, Clock clock) {
        this.records = records;
        this.erasure = erasure;
        this.members = members;
        this.processes = processes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Task_AnonymiseMember. Nothing happens if the member came back or is anonymised already.
     *
     * @return true if this call anonymised the member
     */
    @Transactional
    public boolean anonymise(long memberId, String trigger) {
        Deactivation open = records.openFor(memberId).orElse(null);
        if (open == null || !records.closeAsAnonymised(open.id(), clock.instant())) {
            return false;
        }
        members.markAnonymised(memberId);
        // The member is hidden at once; their own ErasureProcess (DSR-7) then erases them everywhere,
        // the engine included, and checks that nothing is left.
        long erasureId = erasure.eraseSubject(open.subjectId(), REASON);
        audit.record("system", "MEMBER_ANONYMISED", DeactivationProcess.businessKey(memberId),
                "deactivation=" + open.id() + ",erasure=" + erasureId + ",trigger=" + trigger);
        return true;
    }

    /** RET-1: everyone whose retention period ended and who is still only deactivated; returns how many were anonymised. */
    @Transactional
    public int anonymiseEveryonePastRetention() {
        List<Long> due = records.membersPastRetention(clock.instant());
        int anonymised = 0;
        for (long memberId : due) {
            if (anonymise(memberId, "retention-sweep")) {
                processes.endDeactivation(memberId, "Anonymised by the retention sweep (RET-1)");
                anonymised++;
            }
        }
        return anonymised;
    }
}
