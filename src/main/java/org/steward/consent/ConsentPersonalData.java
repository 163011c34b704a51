package org.steward.consent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.members.Members;
import org.steward.privacy.PersonalDataPlace;

/**
 * The consent module's entry in the register of personal data (issue 9): a member's consent ledger,
 * the newsletters and policy notices they were sent, their promotion releases and the friends they
 * invited; an invited friend's invitation. Export returns the ledger (DSR-9); erasure deletes the
 * subject's rows, the only deletion the append-only ledger allows (DSR-7). Invitations a member sent
 * stay (they hold the friend's data, which the friend's own 90-day timer forgets).
 */
@Component
class ConsentPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;
    private final Members members;

    ConsentPersonalData(NamedParameterJdbcTemplate jdbc, Members members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Override
    public String name() {
        return "Consent ledger, newsletters, promotion releases and invited friends";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        // A release's story is about the member; newsletter text is free text staff wrote and may name people.
        return Map.of("promotion_release", Set.of("story"),
                "newsletter", Set.of("subject", "body"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        // Evidence and requested_by/published_by name staff users or a link's hash; the friend's address lives in data_subject.
        return Map.of("consent_entry", Set.of("purpose", "action", "policy_version", "channel", "evidence"),
                "consent_purpose", Set.of("code", "label", "description"),
                "policy_version", Set.of("version", "summary", "new_purposes", "status", "published_by"),
                "consent_expiry_day", Set.of("status"),
                "newsletter", Set.of("requested_by"),
                "promotion_release", Set.of("status", "requested_by", "published_by"),
                "friend_invitation", Set.of("status"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(long subjectId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Optional<Long> member = members.memberIdOf(subjectId);
        member.ifPresent(memberId -> {
            MapSqlParameterSource params = new MapSqlParameterSource("member", memberId);
            rows.addAll(jdbc.queryForList("SELECT 'consent_entry' AS place, id, purpose, action, granted, expires_at, policy_version, "
                    + "channel, evidence, recorded_at FROM consent_entry WHERE member_id = :member ORDER BY id", params));
            rows.addAll(jdbc.queryForList("SELECT 'promotion_release' AS place, id, story, status, requested_at, answered_at, published_at "
                    + "FROM promotion_release WHERE member_id = :member ORDER BY id", params));
            rows.addAll(jdbc.queryForList("SELECT 'newsletter_recipient' AS place, newsletter_id, queued_at FROM newsletter_recipient "
                    + "WHERE member_id = :member ORDER BY newsletter_id", params));
            rows.addAll(jdbc.queryForList("SELECT 'policy_notice' AS place, policy_id, queued_at FROM policy_notice "
                    + "WHERE member_id = :member ORDER BY policy_id", params));
            rows.addAll(jdbc.queryForList("SELECT 'friend_invitation' AS place, id, status, invited_at, closed_at FROM friend_invitation "
                    + "WHERE inviter_member_id = :member ORDER BY id", params));
        });
        rows.addAll(jdbc.queryForList("SELECT 'friend_invitation' AS place, id, status, invited_at FROM friend_invitation "
                + "WHERE friend_subject_id = :subject ORDER BY id", new MapSqlParameterSource("subject", subjectId)));
        return rows;
    }

    /** The person's releases and the invitations that named them as the friend: erasure ends those processes too. */
    @Override
    @Transactional(readOnly = true)
    public Set<String> caseKeys(long subjectId) {
        Set<String> keys = new LinkedHashSet<>();
        members.memberIdOf(subjectId).ifPresent(memberId -> jdbc.queryForList(
                "SELECT id FROM promotion_release WHERE member_id = :member", new MapSqlParameterSource("member", memberId), Long.class)
                .forEach(releaseId -> keys.add(PromotionReleases.caseKey(releaseId))));
        jdbc.queryForList("SELECT id FROM friend_invitation WHERE friend_subject_id = :subject",
                new MapSqlParameterSource("subject", subjectId), Long.class)
                .forEach(invitationId -> keys.add(FriendInvitations.caseKey(invitationId)));
        return keys;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(long subjectId) {
        int erased = jdbc.update("DELETE FROM friend_invitation WHERE friend_subject_id = :subject",
                new MapSqlParameterSource("subject", subjectId));
        Optional<Long> member = members.memberIdOf(subjectId);
        if (member.isPresent()) {
            MapSqlParameterSource params = new MapSqlParameterSource("member", member.get());
            for (String table : List.of("consent_entry", "promotion_release", "newsletter_recipient", "policy_notice")) {
                erased += jdbc.update("DELETE FROM " + table + " WHERE member_id = :member", params);
            }
        }
        return erased;
    }
}
