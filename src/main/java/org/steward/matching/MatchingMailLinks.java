package org.steward.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.steward.mail.Mail;
import org.steward.mail.OutgoingMailPolicy;
import org.steward.members.MemberKind;

/**
 * MAT-1: the welcome mail of a new member carries the link to their matching profile page and, for an
 * entrepreneur, to the "request a mentor" page. The admission knows nothing of matching: this policy adds them
 * on the way into the outbox (the template shows them where set).
 */
@Component
@Order(100)
class MatchingMailLinks implements OutgoingMailPolicy {

    static final String WELCOME_TEMPLATE = "member-welcome";
    private static final Pattern MEMBER_REF = Pattern.compile("member:(\\d+)");

    private final MatchProfiles profiles;

    MatchingMailLinks(MatchProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public List<Mail> apply(List<Mail> mails) {
        List<Mail> out = new ArrayList<>(mails.size());
        for (Mail mail : mails) {
            Matcher member = MEMBER_REF.matcher(mail.subjectRef() == null ? "" : mail.subjectRef());
            if (!WELCOME_TEMPLATE.equals(mail.template()) || !member.matches()) {
                out.add(mail);
                continue;
            }
            long memberId = Long.parseLong(member.group(1));
            MemberKind kind = profiles.kindOf(memberId).orElse(null);
            if (kind == null) {
                out.add(mail);
                continue;
            }
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("matchingProfileUrl", profiles.profileUrl(memberId));
            if (kind == MemberKind.ENTREPRENEUR) {
                links.put("requestMentorUrl", profiles.requestUrl(memberId));
            }
            out.add(mail.withModelDefaults(links));
        }
        return out;
    }
}
