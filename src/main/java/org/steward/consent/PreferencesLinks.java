package org.steward.consent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.steward.mail.Mail;
import org.steward.mail.MailModelContributor;

/**
 * CON-5, APP-6: every mail about a member (subject reference {@code member:<id>}) carries a link to the
 * member's preferences page, whichever module writes it. Templates show it where {@code preferencesUrl}
 * is set. Links for a chunk of mails are issued with one batched insert.
 */
@Component
class PreferencesLinks implements MailModelContributor {

    static final String MODEL_KEY = "preferencesUrl";
    private static final Pattern MEMBER_REF = Pattern.compile("member:(\\d+)");

    private final ConsentLinks links;
    private final ConsentProperties settings;

    PreferencesLinks(ConsentLinks links, ConsentProperties settings) {
        this.links = links;
        this.settings = settings;
    }

    @Override
    public Map<String, Map<String, Object>> contribute(List<Mail> mails) {
        List<String> keys = new ArrayList<>();
        List<Long> memberIds = new ArrayList<>();
        for (Mail mail : mails) {
            Matcher member = MEMBER_REF.matcher(mail.subjectRef() == null ? "" : mail.subjectRef());
            if (member.matches() && !mail.model().containsKey(MODEL_KEY)) {
                keys.add(mail.idempotencyKey());
                memberIds.add(Long.parseLong(member.group(1)));
            }
        }
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<String> urls = links.issueAll(ConsentLinks.PREFERENCES, "preferences", memberIds, settings.linkValidity());
        Map<String, Map<String, Object>> added = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            added.put(keys.get(i), Map.of(MODEL_KEY, urls.get(i)));
        }
        return added;
    }

    /** A mail about this member: its subject reference, which gives it the preferences link. */
    static String subjectRef(long memberId) {
        return "member:" + memberId;
    }
}
