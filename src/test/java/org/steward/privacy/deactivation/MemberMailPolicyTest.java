package org.steward.privacy.deactivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.members.MemberStatus;
import org.steward.members.Members;
import org.steward.privacy.RetentionSettings;

/**
 * DSR-6 at the outbox's door, for every capability's mail: an active member's mail gains the manage link; a
 * deactivated or anonymised member gets nothing but a data-protection confirmation or a mail in an
 * organisation role; people who are no members are not touched.
 */
class MemberMailPolicyTest {

    private static final long ACTIVE = 1L;
    private static final long DEACTIVATED = 2L;
    private static final long ANONYMISED = 3L;
    private static final long NOT_A_MEMBER = 4L;

    private final Members members = mock(Members.class);
    private final LinkService links = mock(LinkService.class);
    private final MemberMailPolicy policy = new MemberMailPolicy(members, links,
            new RetentionSettings(Period.ofMonths(12), Period.ofMonths(12), "0 0 2 * * ?", Period.ofDays(30)),
            Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void activeMembers_getTheManageLink_deactivatedOnesOnlyConfirmationsAndRoleMail() {
        when(members.statusesOfSubjects(anyCollection())).thenReturn(Map.of(ACTIVE, MemberStatus.ACTIVE,
                DEACTIVATED, MemberStatus.DEACTIVATED, ANONYMISED, MemberStatus.ANONYMISED));
        when(links.issueAll(eq(MembershipLinks.MANAGE), eq(List.of(ACTIVE)), any())).thenReturn(Map.of(ACTIVE, "token-1"));

        List<Mail> allowed = policy.apply(List.of(
                mail("welcome", "member:1", "member-welcome", ACTIVE),
                mail("notice-2", "member:2", "incident-member-notice", DEACTIVATED),
                mail("reference-2", "reference:9", "application-reference-request", DEACTIVATED),
                mail("confirm-2", "member:2", "privacy-deactivated", DEACTIVATED),
                mail("iso-2", "incident:5", "incident-iso-notice", DEACTIVATED),
                mail("notice-3", "member:3", "incident-member-notice", ANONYMISED),
                mail("referee-4", "reference:8", "application-reference-request", NOT_A_MEMBER),
                new Mail("staff", "incident:5", "incident-escalation", "officer@example.org", Map.of())));

        assertThat(allowed).extracting(Mail::idempotencyKey).containsExactly("welcome", "confirm-2", "iso-2", "referee-4", "staff");
        assertThat(allowed.get(0).model()).containsEntry("manageMembershipPath", "/links/membership/token-1").containsEntry("name", "x");
        assertThat(allowed.subList(1, 5)).allSatisfy(mail -> assertThat(mail.model()).doesNotContainKey("manageMembershipPath"));
    }

    @Test
    void mailToNobodyWeKnowAsAMember_passesUntouched_andIssuesNoLink() {
        when(members.statusesOfSubjects(anyCollection())).thenReturn(Map.of());
        List<Mail> mails = List.of(mail("referee", "reference:8", "application-reference-request", NOT_A_MEMBER));

        assertThat(policy.apply(mails)).isEqualTo(mails);
        verify(links, never()).issueAll(any(), anyCollection(), any());
    }

    private static Mail mail(String key, String ref, String template, long subjectId) {
        return new Mail(key, ref, template, "someone@example.org", Map.of("name", "x")).toSubject(subjectId);
    }
}
