package org.steward.members;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** Members and profiles behind an API: nobody else reads the member or member_profile table (issue 15). */
class MembersModuleTest {

    @Test
    void members_usesSubjects_andExposesOnlyItsApi() {
        module("members")
                .dependsOnlyOn("subjects", "system", "privacy")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(Members.class, Profiles.class, Profile.class, MemberKind.class, MemberStatus.class,
                        MemberContact.class, MemberView.class, MemberDeactivated.class, MemberAdmitted.class, MemberReactivated.class,
                        ProfileRecorded.class);
    }
}
