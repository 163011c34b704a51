package org.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.members.Members;
import org.steward.privacy.ResidueScan;
import org.steward.subjects.DataSubjects;

/**
 * Tell-a-friend end to end (CON-7): from the invite link in a member's mail, a member invites a friend; the
 * friend gets exactly one email; removing their address forgets it everywhere at once; otherwise it is
 * forgotten after 90 days, keeping only whether the friend joined.
 */
class TellAFriendTest extends ConsentIntegrationTest {

    @Autowired
    private DataSubjects subjects;
    @Autowired
    private Members members;
    @Autowired
    private ConsentRequests requests;
    @Autowired
    private ResidueScan residue;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void theFriendGetsExactlyOneEmail_andRemovingTheirAddressForgetsItEverywhere() {
        String friend = uniqueEmail("friend");
        String inviteA = inviteLinkOf(uniqueEmail("inviter-a"));
        String inviteB = inviteLinkOf(uniqueEmail("inviter-b"));

        assertThat(memberGet(inviteA).body()).contains("Invite a friend");
        HttpResponse<String> bad = memberPost(inviteA, List.of(Map.entry("name", "Felix"), Map.entry("email", "not-an-address")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("enter your friend&#39;s email address");
        assertThat(memberGet(inviteA).statusCode()).as("a refused form leaves the link usable").isEqualTo(200);
        assertThat(memberPost(inviteA, List.of(Map.entry("name", "Felix Friend"), Map.entry("email", friend))).body())
                .contains("Your friend will receive one email");
        memberGet(inviteB);
        assertThat(memberPost(inviteB, List.of(Map.entry("name", "Felix"), Map.entry("email", friend.toUpperCase()))).statusCode())
                .isEqualTo(200);
        runConsentJobs();

        List<MimeMessage> received = deliverMailTo(friend);
        assertThat(received).as("exactly one email").hasSize(1);
        assertThat(subjectOf(received.get(0))).isEqualTo("An invitation to our mentoring community");
        assertThat(body(received.get(0))).contains("Dear Felix Friend", "/apply");
        long invitation = jdbc.queryForObject("SELECT id FROM friend_invitation WHERE friend_subject_id = "
                + "(SELECT id FROM data_subject WHERE email = ?)", Long.class, friend);

        String removal = link(received.get(0), "/links/friend-removal/");
        assertThat(memberGet(removal).body()).contains("Remove my address");
        assertThat(memberPost(removal, List.of()).body()).contains("Your address has been removed");
        assertThat(residue.find(List.of(friend), List.of())).as("the address is nowhere").isEmpty();
        assertThat(jdbc.queryForMap("SELECT status, friend_subject_id FROM friend_invitation WHERE id = ?", invitation))
                .containsEntry("status", "REMOVED").containsEntry("friend_subject_id", null);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("invitation-" + invitation)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_AddressRemoved");
        assertThat(memberPost(removal, List.of()).statusCode()).isEqualTo(410);
    }

    @Test
    void after90Days_theAddressIsForgotten() {
        String friend = uniqueEmail("quiet-friend");
        String invite = inviteLinkOf(uniqueEmail("inviter-c"));
        memberGet(invite);
        memberPost(invite, List.of(Map.entry("email", friend)));
        runConsentJobs();
        assertThat(deliverMailTo(friend)).hasSize(1);
        assertThat(body(deliverMailTo(friend).get(0))).contains("Hello,");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(91))));
        runConsentJobs();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE email = ?", Long.class, friend)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM friend_invitation WHERE id = (SELECT MAX(id) FROM friend_invitation)",
                String.class)).isEqualTo("EXPIRED");
    }

    /** A member's consent request mail (APP-6) carries their invite link. */
    private String inviteLinkOf(String email) {
        long member = transaction.execute(s -> {
            long id = members.admit(subjects.findOrCreate(email, "Inviting Member"), null);
            requests.askNewMember(id);
            return id;
        });
        assertThat(member).isPositive();
        return link(mail(email, "Your choices: what else may we do?"), "/links/invite/");
    }
}
