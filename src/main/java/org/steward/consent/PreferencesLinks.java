package org.steward.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.steward.mail.Mail;
import org.steward.mail.OutgoingMailPolicy;

/**
 * CON-5, APP-6: every mail about a member (subject reference {@code member:<id>}) carries a link to the
 * member's preferences page, whichever module writes it. Templates show it where {@code preferencesUrl}
 * is set. Links for a chunk of mails are issued with one batched insert. Runs after every other policy,
 * so that a mail another policy leaves out (to a deactivated member, DSR-6) gets no link.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PreferencesLinks implements OutgoingMailPolicy {

    static final String MODEL_KEY = "preferencesUrl";
    private static final Pattern MEMBER_REF = Pattern.compile("member:(\\d+)");

    private final ConsentLinks links;
    private final ConsentProperties settings;

    PreferencesLinks(ConsentLinks links, ConsentProperties settings) {
        this.links = links;
        this.settings = settings;
    }

    @Override
    public List<Mail> apply(List<Mail> mails) {
        List<Integer> positions = new ArrayList<>();
        List<Long> memberIds = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            Mail mail = mails.get(i);
            Matcher member = MEMBER_REF.matcher(mail.subjectRef() == null ? "" : mail.subjectRef());
            if (member.matches() && !mail.model().containsKey(MODEL_KEY)) {
                positions.add(i);
                memberIds.add(Long.parseLong(member.group(1)));
            }
        }
        if (positions.isEmpty()) {
            return mails;
        }
        List<String> urls = links.issueAll(ConsentLinks.PREFERENCES, "preferences", memberIds, settings.linkValidity());
        List<Mail> withLinks = new ArrayList<>(mails);
        for (int i = 0; i < positions.size(); i++) {
            int at = positions.get(i);
            withLinks.set(at, mails.get(at).withModelDefaults(Map.of(MODEL_KEY, urls.get(i))));
        }
        return withLinks;
    }

    /** A mail about this member: its subject reference, which gives it the preferences link. */
    static String subjectRef(long memberId) {
        return "member:" + memberId;
    }
}
