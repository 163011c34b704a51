package org.steward.consent;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.MemberContact;
import org.steward.members.Members;

/**
 * APP-6: a newly admitted member is asked, by email, for the optional consents. Joining opts them in to
 * essential program communications only; every other purpose waits for their choice on the
 * preferences page the mail links to (the link comes with every member mail, see PreferencesLinks).
 */
@Service
public class ConsentRequests {

    private final Members members;
    private final Purposes purposes;
    private final MailOutbox outbox;
    private final ConsentLinks links;
    private final ConsentProperties settings;

    ConsentRequests(Members members, Purposes purposes, MailOutbox outbox, ConsentLinks links, ConsentProperties settings) {
        this.members = members;
        this.purposes = purposes;
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
    }

    /** Queues the request for the optional consents, in the admission's transaction; asking twice sends once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void askNewMember(long memberId) {
        List<MemberContact> member = members.contactable(List.of(memberId));
        if (member.isEmpty()) {
            return;
        }
        MemberContact contact = member.get(0);
        String inviteUrl = links.issue(ConsentLinks.INVITE, "invite", memberId, settings.linkValidity());
        outbox.enqueue(new Mail("member-" + memberId + "-consent-request", PreferencesLinks.subjectRef(memberId),
                "consent-request", contact.email(), Map.of("name", contact.name(),
                "purposes", purposes.all().stream().map(Purpose::label).toList(), "inviteUrl", inviteUrl)).withRole(RecipientRole.MEMBER)
                .toSubject(contact.subjectId()));
    }
}
