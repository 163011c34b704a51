package org.steward.privacy.retention;

import org.steward.privacy.RetentionSettings;
import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.application.RefereeDataRetention;
import org.steward.audit.AuditTrail;
import org.steward.links.LinkService;
import org.steward.mail.OutboxRetention;
import org.steward.privacy.ExpiringExports;
import org.steward.privacy.deactivation.RetentionExpiry;

/**
 * The steps of the daily retention sweep (RET-1), one call each; every step records what it did in the
 * audit trail under the sweep's business key. The data belongs to other capabilities: each step asks the
 * owner to remove what is due.
 */
@Service
public class RetentionSweep {

    private static final String ACTOR = "system";

    private final RetentionExpiry expiry;
    private final RefereeDataRetention referees;
    private final LinkService links;
    private final ObjectProvider<ExpiringExports> exports;
    private final OutboxRetention outbox;
    private final AuditTrail audit;
    private final RetentionSettings settings;
    private final Clock clock;

    RetentionSweep(RetentionExpiry expiry, RefereeDataRetention referees, LinkService links, ObjectProvider<ExpiringExports> exports,
                   OutboxRetention outbox, AuditTrail audit, RetentionSettings settings, Clock clock) {
        this.expiry = expiry;
        this.referees = referees;
        this.links = links;
        this.exports = exports;
        this.outbox = outbox;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public int anonymiseDeactivatedMembers(String sweep) {
        int anonymised = expiry.anonymiseEveryonePastRetention();
        audit.record(ACTOR, "RETENTION_MEMBERS_ANONYMISED", sweep, "members=" + anonymised);
        return anonymised;
    }

    @Transactional
    public RefereeDataRetention.Reduced reduceRefereeData(String sweep) {
        RefereeDataRetention.Reduced reduced = referees.reduceDecidedApplications();
        audit.record(ACTOR, "RETENTION_REFEREE_DATA_REDUCED", sweep,
                "applications=" + reduced.applications() + ",mails=" + reduced.mails());
        return reduced;
    }

    @Transactional
    public int deleteExpiredLinks(String sweep) {
        int deleted = links.deleteExpired(clock.instant());
        audit.record(ACTOR, "RETENTION_LINKS_DELETED", sweep, "links=" + deleted);
        return deleted;
    }

    @Transactional
    public int deleteExpiredExports(String sweep) {
        Instant now = clock.instant();
        int deleted = exports.orderedStream().mapToInt(store -> store.deleteExpired(now)).sum();
        audit.record(ACTOR, "RETENTION_EXPORTS_DELETED", sweep, "exports=" + deleted);
        return deleted;
    }

    @Transactional
    public int forgetMailRecipients(String sweep) {
        int cleared = outbox.forgetRecipientsOfMailDoneBefore(RetentionSettings.before(clock.instant(), settings.deliveredMailRetention()));
        audit.record(ACTOR, "RETENTION_MAIL_RECIPIENTS_CLEARED", sweep, "mails=" + cleared);
        return cleared;
    }
}
