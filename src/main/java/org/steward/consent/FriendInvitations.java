package org.steward.consent;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;
import org.steward.system.StewardProperties;
import org.steward.system.validation.PlainTextValidator;
import org.steward.tasks.CaseKey;

/**
 * CON-7, tell-a-friend: from a link page a member invites a friend by email. The friend gets exactly one
 * email, with a link to remove their address; the address is kept only to see whether the friend joined,
 * and is forgotten when the friend removes it or after 90 days (FriendInvitationProcess's timer).
 */
@Service
public class FriendInvitations {

    public enum Status { INVITED, REMOVED, EXPIRED, JOINED }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");

    public record InvitePage(String memberName) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final DataSubjects subjects;
    private final Members members;
    private final MailOutbox outbox;
    private final ConsentLinks links;
    private final ConsentProperties settings;
    private final StewardProperties properties;
    private final EngineClock clock;
    private final AuditTrail audit;

    FriendInvitations(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, DataSubjects subjects, Members members,
                      MailOutbox outbox, ConsentLinks links, ConsentProperties settings, StewardProperties properties,
                      EngineClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.subjects = subjects;
        this.members = members;
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public InvitePage invitePage(String token) {
        return new InvitePage(members.view(links.check(ConsentLinks.INVITE, token).subjectId()).name());
    }

    /**
     * The member invites a friend, once per link. The page answers the same whatever happens next, so it
     * never tells whether the address is known: a member is not invited, and nobody is invited twice.
     */
    @Transactional
    public void invite(String token, String friendName, String friendEmail) {
        String name = friendName == null || friendName.isBlank() ? null : friendName.trim();
        String email = friendEmail == null ? "" : friendEmail.trim();
        Map<String, String> errors = new HashMap<>();
        if (!EMAIL.matcher(email).matches() || email.length() > 320) {
            errors.put("email", "enter your friend's email address, such as name@example.org");
        }
        if (name != null && (name.length() > 200 || !PlainTextValidator.isPlainText(name, false))) {
            errors.put("name", "may be at most 200 characters of plain text on one line");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long inviterId = links.consume(ConsentLinks.INVITE, token).subjectId();
        long friendSubjectId = subjects.findOrCreate(email, name);
        boolean alreadyMember = members.memberIdOf(friendSubjectId).isPresent();
        Integer invitedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM friend_invitation WHERE friend_subject_id = :subject",
                new MapSqlParameterSource("subject", friendSubjectId), Integer.class);
        if (alreadyMember || (invitedBefore != null && invitedBefore > 0)) {
            return;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO friend_invitation (inviter_member_id, friend_subject_id, status, invited_at) "
                        + "VALUES (:inviter, :friend, 'INVITED', :now)",
                new MapSqlParameterSource("inviter", inviterId).addValue("friend", friendSubjectId)
                        .addValue("now", Timestamp.from(clock.now())), key, new String[] {"id"});
        long id = key.getKey().longValue();
        runtimeService.startProcessInstanceByKey(ConsentProcesses.INVITATION_KEY, caseKey(id));
        audit.record("member", "FRIEND_INVITED", caseKey(id), "inviter=" + inviterId);
    }

    /** Task_SendInvitation: the friend's one email, with the link to remove their address. */
    @Transactional
    public void sendInvitation(long invitationId) {
        Invitation invitation = get(invitationId);
        if (invitation.status() != Status.INVITED || invitation.friendSubjectId() == null) {
            return;
        }
        Subject friend = subjects.get(invitation.friendSubjectId());
        String removalUrl = links.issue(ConsentLinks.FRIEND_REMOVAL, "friend-removal", invitationId, settings.friendAddressKeptFor());
        Map<String, Object> model = new HashMap<>();
        model.put("friendName", friend.displayName());
        model.put("inviterName", members.view(invitation.inviterMemberId()).name());
        model.put("applyUrl", properties.baseUrl() + "/apply");
        model.put("removalUrl", removalUrl);
        outbox.enqueue(new Mail(caseKey(invitationId), subjectRef(invitationId), "consent-friend-invitation", friend.email(), model).withRole(RecipientRole.FRIEND)
                .toSubject(friend.id()));
    }

    @Transactional(readOnly = true)
    public void checkRemovalLink(String token) {
        links.check(ConsentLinks.FRIEND_REMOVAL, token);
    }

    /** The friend removes their address: it is forgotten at once, and the invitation's process ends. */
    @Transactional
    public void remove(String token) {
        long invitationId = links.consume(ConsentLinks.FRIEND_REMOVAL, token).subjectId();
        forget(invitationId, Status.REMOVED, "friend");
        runtimeService.createMessageCorrelation(ConsentProcesses.MSG_FRIEND_ADDRESS_REMOVED)
                .processInstanceBusinessKey(caseKey(invitationId)).correlateAll();
    }

    /** Task_ForgetFriendAddress (90 days): whether the friend joined is kept, their address is not. */
    @Transactional
    public void forgetAfterRetention(long invitationId) {
        Invitation invitation = get(invitationId);
        if (invitation.friendSubjectId() == null) {
            return;
        }
        boolean joined = members.memberIdOf(invitation.friendSubjectId()).isPresent();
        forget(invitationId, joined ? Status.JOINED : Status.EXPIRED, "system");
    }

    /**
     * RET-1 safety net for the daily retention sweep: forgets every friend address held longer than
     * {@code steward.consent.friend-address-kept-for} (the invitations' own timers normally do it first).
     */
    @Transactional
    public int forgetExpiredAddresses() {
        Timestamp before = Timestamp.from(clock.now().atOffset(java.time.ZoneOffset.UTC).minus(settings.friendAddressKeptFor()).toInstant());
        List<Long> due = jdbc.queryForList("SELECT id FROM friend_invitation WHERE friend_subject_id IS NOT NULL AND invited_at <= :before",
                new MapSqlParameterSource("before", before), Long.class);
        due.forEach(this::forgetAfterRetention);
        return due.size();
    }

    private void forget(long invitationId, Status status, String actor) {
        Invitation invitation = get(invitationId);
        if (invitation.friendSubjectId() == null) {
            return;
        }
        jdbc.update("UPDATE friend_invitation SET friend_subject_id = NULL, status = :status, closed_at = :now WHERE id = :id",
                new MapSqlParameterSource("status", status.name()).addValue("now", Timestamp.from(clock.now())).addValue("id", invitationId));
        outbox.forgetMailsAbout(subjectRef(invitationId));
        links.revoke(ConsentLinks.FRIEND_REMOVAL, invitationId);
        subjects.forgetIfUnused(invitation.friendSubjectId());
        audit.record(actor, "FRIEND_ADDRESS_" + status, caseKey(invitationId), "inviter=" + invitation.inviterMemberId());
    }

    private record Invitation(long inviterMemberId, Long friendSubjectId, Status status) {
    }

    private Invitation get(long invitationId) {
        List<Invitation> found = jdbc.query("SELECT inviter_member_id, friend_subject_id, status FROM friend_invitation WHERE id = :id",
                new MapSqlParameterSource("id", invitationId),
                (rs, i) -> new Invitation(rs.getLong(1), rs.getObject(2, Long.class), Status.valueOf(rs.getString(3))));
        if (found.isEmpty()) {
            throw new NotFoundException("There is no invitation " + invitationId + ".");
        }
        return found.get(0);
    }

    static String caseKey(long invitationId) {
        return CaseKey.of(ConsentProcesses.INVITATION_CASE, invitationId);
    }

    private static String subjectRef(long invitationId) {
        return "invitation:" + invitationId;
    }
}
