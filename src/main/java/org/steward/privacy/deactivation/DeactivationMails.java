package org.steward.privacy.deactivation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.links.LinkService;
import org.steward.privacy.deactivation.DeactivationRecords.Deactivation;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;

/**
 * The two confirmations (DSR-6). Their templates start with {@code privacy-}: a data-protection confirmation
 * reaches the person even while deactivated ({@link MemberMailPolicy}).
 */
@Component
public class DeactivationMails {

    static final String DEACTIVATED = "privacy-deactivated";
    static final String REACTIVATED = "privacy-reactivated";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final DeactivationRecords records;
    private final DataSubjects subjects;
    private final LinkService links;
    private final MailOutbox outbox;
    private final Clock clock;

    DeactivationMails(DeactivationRecords records, DataSubjects subjects, LinkService links, MailOutbox outbox, Clock clock) {
        this.records = records;
        this.subjects = subjects;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Task_SendDeactivationConfirmation: with a link to reactivate, valid until the data would be anonymised. */
    @Transactional
    public void sendDeactivationConfirmation(long memberId) {
        Deactivation open = records.openFor(memberId).orElse(null);
        Instant now = clock.instant();
        if (open == null || !open.retainUntil().isAfter(now)) {
            return; // reactivated or anonymised meanwhile: nothing to confirm
        }
        Subject member = subjects.get(open.subjectId());
        String token = links.issue(MembershipLinks.REACTIVATION, open.subjectId(), Duration.between(now, open.retainUntil()));
        outbox.enqueue(new Mail("member-" + memberId + "-deactivated-" + open.id(), "member:" + memberId, DEACTIVATED,
                member.email(), Map.of("name", member.displayName(),
                        "reactivationPath", MembershipLinks.REACTIVATION_PATH + token,
                        "retainUntil", DAY.format(open.retainUntil().atZone(ZoneOffset.UTC)))).withRole(RecipientRole.MEMBER)
                .toSubject(open.subjectId()));
    }

    /** Task_SendReactivationConfirmation: welcome back (the mail carries the manage link like every member mail). */
    @Transactional
    public void sendReactivationConfirmation(long memberId) {
        Deactivation latest = records.latestFor(memberId).orElse(null);
        if (latest == null || latest.reactivatedAt() == null) {
            return;
        }
        Subject member = subjects.get(latest.subjectId());
        outbox.enqueue(new Mail("member-" + memberId + "-reactivated-" + latest.id(), "member:" + memberId, REACTIVATED,
                member.email(), Map.of("name", member.displayName())).withRole(RecipientRole.MEMBER).toSubject(latest.subjectId()));
    }
}
