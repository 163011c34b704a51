package org.steward.privacy.deactivation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.links.InvalidLinkException;
import org.steward.links.LinkService;
import org.steward.mail.OutboxRetention;
import org.steward.members.MemberStatus;
import org.steward.members.Members;
import org.steward.privacy.deactivation.DeactivationRecords;
import org.steward.privacy.deactivation.DeactivationRecords.Deactivation;
import org.steward.privacy.deactivation.MembershipLinks;
import org.steward.privacy.RetentionSettings;
import org.steward.subjects.DataSubjects;
import org.steward.system.ConflictException;
import org.steward.system.NotFoundException;
import org.steward.system.OptimisticRetry;

/**
 * Deactivation and reactivation of a member (DSR-6). A member deactivates through the "manage my membership"
 * link every member mail carries, or a privacy officer does it for them; either way MemberDeactivationProcess
 * starts and, in the same transaction, hides the member: no profile for staff, no process and no mail about
 * them but the confirmation. The data is kept for the retention period, during which the confirmation's link
 * brings the member back; after it they are anonymised ({@code deactivation.RetentionExpiry}).
 */
@Service
public class Deactivations {

    static final String MEMBER_ACTOR = "member";
    static final String SYSTEM_ACTOR = "system";

    private final Members members;
    private final DataSubjects subjects;
    private final DeactivationRecords records;
    private final LinkService links;
    private final OutboxRetention outbox;
    private final AuditTrail audit;
    private final RuntimeService runtimeService;
    private final OptimisticRetry retry;
    private final RetentionSettings settings;
    private final Clock clock;

    Deactivations(Members members, DataSubjects subjects, DeactivationRecords records, LinkService links, OutboxRetention outbox,
                  AuditTrail audit, RuntimeService runtimeService, OptimisticRetry retry, RetentionSettings settings, Clock clock) {
        this.members = members;
        this.subjects = subjects;
        this.records = records;
        this.links = links;
        this.outbox = outbox;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.retry = retry;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- Who asks: a privacy officer, or the member through a link ----

    /**
     * A privacy officer deactivates a member for them. Deactivating a deactivated member changes nothing;
     * an anonymised member cannot be deactivated (409); an unknown one is 404.
     */
    public DeactivationStatus deactivateForMember(long memberId, String staffUser) {
        return once(() -> {
            MemberStatus status = statusOf(memberId).status(); // knows an anonymised member whose row went with erasure
            if (status == MemberStatus.ANONYMISED) {
                throw new ConflictException("Member " + memberId + " has been anonymised; there is nothing left to deactivate.");
            }
            if (status == MemberStatus.ACTIVE) {
                start(memberId, staffUser, false);
            }
            return statusOf(memberId);
        });
    }

    /** What the "manage my membership" page shows: whom it greets and where they stand. */
    public record MembershipPage(String name, MemberStatus status) {
    }

    @Transactional(readOnly = true)
    public MembershipPage checkManageLink(String token) {
        long subjectId = links.check(MembershipLinks.MANAGE, token).subjectId();
        long memberId = memberOf(subjectId);
        return new MembershipPage(subjects.get(subjectId).displayName(), members.status(memberId).orElseThrow());
    }

    /** The member deactivates through their link; the link is used up. Already deactivated: nothing more happens. */
    public DeactivationStatus deactivateThroughLink(String token) {
        return once(() -> {
            long memberId = memberOf(links.consume(MembershipLinks.MANAGE, token).subjectId());
            if (members.status(memberId).orElseThrow() == MemberStatus.ACTIVE) {
                start(memberId, MEMBER_ACTOR, true);
            }
            return statusOf(memberId);
        });
    }

    /** What the reactivation page shows. */
    public record ReactivationPage(String name, Instant retainUntil) {
    }

    @Transactional(readOnly = true)
    public ReactivationPage checkReactivationLink(String token) {
        long subjectId = links.check(MembershipLinks.REACTIVATION, token).subjectId();
        Deactivation open = openDeactivationOf(memberOf(subjectId));
        return new ReactivationPage(subjects.get(subjectId).displayName(), open.retainUntil());
    }

    /**
     * The member comes back within the retention period: the link is used up and the waiting process
     * continues, which makes them active again and cancels the retention timer, in this transaction.
     */
    public DeactivationStatus reactivateThroughLink(String token) {
        return retry.inTransaction(() -> {
            long memberId = memberOf(links.consume(MembershipLinks.REACTIVATION, token).subjectId());
            openDeactivationOf(memberId);
            audit.record(MEMBER_ACTOR, "REACTIVATION_REQUESTED", DeactivationProcess.businessKey(memberId), "by=member");
            try {
                runtimeService.createMessageCorrelation(DeactivationProcess.MSG_MEMBER_REACTIVATED)
                        .processInstanceBusinessKey(DeactivationProcess.businessKey(memberId))
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw new InvalidLinkException(InvalidLinkException.Reason.EXPIRED); // the retention period just ended
            }
            return statusOf(memberId);
        });
    }

    @Transactional(readOnly = true)
    public DeactivationStatus statusOf(long memberId) {
        MemberStatus status = members.status(memberId).orElse(null);
        Deactivation latest = records.latestFor(memberId).orElse(null);
        if (status == null) {
            if (latest != null && latest.anonymisedAt() != null) {
                return new DeactivationStatus(memberId, MemberStatus.ANONYMISED, null); // the member row went with the person
            }
            throw new NotFoundException("No member " + memberId);
        }
        Instant retainUntil = status == MemberStatus.DEACTIVATED && latest != null && latest.isOpen() ? latest.retainUntil() : null;
        return new DeactivationStatus(memberId, status, retainUntil);
    }

    /** The retention period in words ("12 months"), for the pages that explain deactivation. */
    public String retentionDescription() {
        java.time.Period period = settings.retentionAfterDeactivation().normalized();
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(period.getYears() + (period.getYears() == 1 ? " year" : " years"));
        }
        if (period.getMonths() > 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " month" : " months"));
        }
        if (period.getDays() > 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" and ", parts);
    }

    // ---- The process steps ----

    /**
     * Task_DeactivateMember: hides the member at once. Their status makes them invisible to staff and
     * uncontactable; mail still waiting for them is cancelled; the data is kept until the retention date.
     */
    @Transactional
    public void deactivate(long memberId, boolean byMember) {
        if (records.openFor(memberId).isPresent()) {
            return; // a repeated step
        }
        long subjectId = members.subjectIdOf(memberId).orElseThrow(() -> new NotFoundException("No member " + memberId));
        Instant now = clock.instant();
        long deactivationId = records.open(memberId, subjectId, byMember, now,
                RetentionSettings.after(now, settings.retentionAfterDeactivation()));
        members.deactivate(memberId);
        int cancelled = outbox.cancelPendingTo(subjectId, null);
        audit.record(SYSTEM_ACTOR, "MEMBER_DEACTIVATED", DeactivationProcess.businessKey(memberId),
                "deactivation=" + deactivationId + ",by=" + (byMember ? "member" : "staff") + ",mailsCancelled=" + cancelled);
    }

    /** Task_ReactivateMember: active again; the deactivation closes and its reactivation links with it. */
    @Transactional
    public void reactivate(long memberId) {
        Deactivation open = records.openFor(memberId).orElse(null);
        if (open == null || !records.closeAsReactivated(open.id(), clock.instant())) {
            return; // a repeated step
        }
        members.reactivate(memberId);
        links.revoke(MembershipLinks.REACTIVATION, open.subjectId());
        audit.record(SYSTEM_ACTOR, "MEMBER_REACTIVATED", DeactivationProcess.businessKey(memberId), "deactivation=" + open.id());
    }

    private void start(long memberId, String actor, boolean byMember) {
        String businessKey = DeactivationProcess.businessKey(memberId);
        audit.record(actor, "DEACTIVATION_REQUESTED", businessKey, "by=" + (byMember ? "member" : "staff"));
        runtimeService.startProcessInstanceByKey(DeactivationProcess.KEY, businessKey,
                Map.of(DeactivationProcess.BY_MEMBER, byMember));
    }

    /** Runs a request once; if a concurrent request opened the deactivation first, runs it again and finds it done. */
    private DeactivationStatus once(Supplier<DeactivationStatus> request) {
        try {
            return retry.inTransaction(request);
        } catch (DuplicateKeyException e) {
            return retry.inTransaction(request);
        }
    }

    /** The member a link names; a person who is no member (any more) has no usable membership link. */
    private long memberOf(long subjectId) {
        long memberId = members.memberIdOf(subjectId)
                .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN));
        if (members.status(memberId).orElse(MemberStatus.ANONYMISED) == MemberStatus.ANONYMISED) {
            throw new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN);
        }
        return memberId;
    }

    private Deactivation openDeactivationOf(long memberId) {
        return records.openFor(memberId).orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN));
    }
}
