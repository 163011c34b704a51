package org.steward.privacy.deactivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * DSR-6: every mail to a member shows the "manage my membership" link MemberMailPolicy adds. The policy adds
 * it to any mail to an active member; this holds the member templates to showing it, in HTML and text.
 */
class MemberTemplatesTest {

    /** Templates whose recipient is a member. A new member mail belongs here. */
    static final List<String> MEMBER_TEMPLATES = List.of("application-approved", "member-welcome", "incident-member-notice",
            DeactivationMails.REACTIVATED);

    @Test
    void everyMemberTemplate_showsTheManageMembershipLink_inBothParts() throws IOException {
        for (String template : MEMBER_TEMPLATES) {
            for (String part : List.of(".html", ".txt")) {
                assertThat(Files.readString(Path.of("email-templates", template + part)))
                        .as("%s%s", template, part).contains("${baseUrl", MemberMailPolicy.MANAGE_MEMBERSHIP_PATH);
            }
        }
    }

    @Test
    void theDeactivationConfirmation_isADataProtectionConfirmation_andCarriesTheReactivationLink() throws IOException {
        assertThat(DeactivationMails.DEACTIVATED).startsWith(MemberMailPolicy.CONFIRMATION_TEMPLATE_PREFIX);
        assertThat(DeactivationMails.REACTIVATED).startsWith(MemberMailPolicy.CONFIRMATION_TEMPLATE_PREFIX);
        for (String part : List.of(".html", ".txt")) {
            assertThat(Files.readString(Path.of("email-templates", DeactivationMails.DEACTIVATED + part)))
                    .contains("reactivationPath", "retainUntil").doesNotContain(MemberMailPolicy.MANAGE_MEMBERSHIP_PATH);
        }
    }
}
