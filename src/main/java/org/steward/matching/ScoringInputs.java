package org.steward.matching;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.members.MemberDeactivated;
import org.steward.members.MemberReactivated;
import org.steward.members.Profile;
import org.steward.members.ProfileRecorded;

/**
 * MAT-1 at scale: match_profile keeps a copy of what the scorer reads about a member (industry, expertise, languages,
 * city, postal code) and whether they are active, so that ranking reads one narrow row per mentor
 * ({@link CandidateSearch}) instead of asking the members API for every mentor of every request. The copy follows
 * the members module's events in their own transaction, so it is never behind: a profile recorded (edited, rectified),
 * a member deactivated or back (DSR-6). Admission writes the first copy ({@link MatchProfiles#onMemberAdmitted});
 * erasure deletes the row with the rest of matching's place (DSR-7). The do-not-process flag (DSR-8) is not copied:
 * ranking asks its owner once per request.
 */
@Component
class ScoringInputs {

    private final NamedParameterJdbcTemplate jdbc;
    private final MatchingClock clock;

    ScoringInputs(NamedParameterJdbcTemplate jdbc, MatchingClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The parameters of match_profile's copied columns, for an insert or an update. */
    static MapSqlParameterSource copied(Profile profile) {
        return new MapSqlParameterSource("industry", profile == null ? null : profile.industry())
                .addValue("expertise", profile == null ? null : profile.expertise())
                .addValue("languages", profile == null ? null : profile.languages())
                .addValue("city", profile == null ? null : profile.city())
                .addValue("postalCode", profile == null ? null : profile.postalCode());
    }

    /** An application's profile has no matching profile yet: nothing to update until admission copies it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onProfileRecorded(ProfileRecorded recorded) {
        jdbc.update("""
                UPDATE match_profile SET industry = :industry, expertise = :expertise, languages = :languages, city = :city,
                       postal_code = :postalCode, updated_at = :now
                WHERE subject_id = :subject""",
                copied(recorded.profile()).addValue("subject", recorded.subjectId()).addValue("now", clock.stamp()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onMemberDeactivated(MemberDeactivated deactivated) {
        setActive(deactivated.memberId(), false);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onMemberReactivated(MemberReactivated reactivated) {
        setActive(reactivated.memberId(), true);
    }

    private void setActive(long memberId, boolean active) {
        jdbc.update("UPDATE match_profile SET member_active = :active, updated_at = :now WHERE member_id = :member",
                new MapSqlParameterSource("active", active).addValue("now", clock.stamp()).addValue("member", memberId));
    }
}
