package org.steward.members;

import org.springframework.stereotype.Component;
import org.steward.subjects.SubjectUsage;

/** A member, or anyone whose profile we keep, is still someone we hold data about. */
@Component
class MemberSubjectUsage implements SubjectUsage {

    private final MemberRepository members;
    private final Profiles profiles;

    MemberSubjectUsage(MemberRepository members, Profiles profiles) {
        this.members = members;
        this.profiles = profiles;
    }

    @Override
    public boolean uses(long subjectId) {
        return members.existsBySubjectId(subjectId) || profiles.exists(subjectId);
    }
}
