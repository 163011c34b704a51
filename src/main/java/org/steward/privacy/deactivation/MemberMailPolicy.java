package org.steward.privacy.deactivation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.OutgoingMailPolicy;
import org.steward.members.MemberStatus;
import org.steward.members.Members;
import org.steward.privacy.RetentionSettings;

/**
 * What every mail to a member passes through, whichever capability sends it (DSR-6):
 * <ul>
 *   <li>to an active member, it gains {@code manageMembershipPath}, a fresh "manage my membership" link the
 *       member templates show;</li>
 *   <li>to a deactivated or anonymised member, it is not queued at all, unless it is a data-protection
 *       confirmation (template {@code privacy-…}, such as the deactivation confirmation) or goes to them in a
 *       role they hold for an organisation rather than as a member (an incident notice to the organisation's
 *       security contact, subject reference {@code incident:…}: BRE-2 to BRE-4 owe it to the organisation).</li>
 * </ul>
 * A mail is recognised as going to a member by its recipient's data subject ({@code Mail.toSubject}).
 */
@Component
class MemberMailPolicy implements OutgoingMailPolicy {

    /** Templates of data-protection confirmations: they reach a person whatever their membership state. */
    static final String CONFIRMATION_TEMPLATE_PREFIX = "privacy-";
    static final String MANAGE_MEMBERSHIP_PATH = "manageMembershipPath";
    /** Subject references of mail to a person in an organisation role, not as a member. */
    static final List<String> ROLE_MAIL_REFERENCES = List.of("incident:");

    private static final Logger log = LoggerFactory.getLogger(MemberMailPolicy.class);

    private final Members members;
    private final LinkService links;
    private final RetentionSettings settings;
    private final Clock clock;

    MemberMailPolicy(Members members, LinkService links, RetentionSettings settings, Clock clock) {
        this.members = members;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<Mail> apply(List<Mail> mails) {
        Set<Long> recipients = new LinkedHashSet<>();
        mails.stream().map(Mail::recipientSubjectId).filter(Objects::nonNull).forEach(recipients::add);
        if (recipients.isEmpty()) {
            return mails;
        }
        Map<Long, MemberStatus> statuses = members.statusesOfSubjects(recipients);
        if (statuses.isEmpty()) {
            return mails;
        }
        List<Long> active = mails.stream().filter(mail -> !isRoleMail(mail) && mail.recipientSubjectId() != null)
                .map(Mail::recipientSubjectId).distinct().filter(s -> statuses.get(s) == MemberStatus.ACTIVE).toList();
        Instant now = clock.instant();
        Map<Long, String> manageTokens = active.isEmpty() ? Map.of()
                : links.issueAll(MembershipLinks.MANAGE, active, RetentionSettings.lengthFrom(now, settings.manageLinkValidity()));
        List<Mail> allowed = new ArrayList<>(mails.size());
        for (Mail mail : mails) {
            MemberStatus status = mail.recipientSubjectId() == null ? null : statuses.get(mail.recipientSubjectId());
            if (status == MemberStatus.ACTIVE && !isRoleMail(mail)) {
                allowed.add(withManageLink(mail, manageTokens.get(mail.recipientSubjectId())));
            } else if (status == null || isRoleMail(mail) || mail.template().startsWith(CONFIRMATION_TEMPLATE_PREFIX)) {
                allowed.add(mail);
            }
        }
        if (allowed.size() < mails.size()) {
            log.info("Outbox: {} mails to deactivated or anonymised members not queued (DSR-6)", mails.size() - allowed.size());
        }
        return allowed;
    }

    private static boolean isRoleMail(Mail mail) {
        return mail.subjectRef() != null && ROLE_MAIL_REFERENCES.stream().anyMatch(mail.subjectRef()::startsWith);
    }

    private static Mail withManageLink(Mail mail, String token) {
        return mail.withModelDefaults(Map.of(MANAGE_MEMBERSHIP_PATH, MembershipLinks.MANAGE_PATH + token));
    }
}
