package org.steward.members;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.system.NotFoundException;

/** The one home of a person's profile (APP-1), keyed by their data subject id. */
@Service
public class Profiles {

    private final MemberProfileRepository profiles;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Profiles(MemberProfileRepository profiles, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc, Clock clock,
             ApplicationEventPublisher events) {
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Stores what the person told us, replacing what they told us before, and tells the others ({@link ProfileRecorded}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long subjectId, Profile profile) {
        MemberProfile stored = profiles.findById(subjectId).orElseGet(() -> new MemberProfile(subjectId));
        stored.replace(profile, clock.instant());
        profiles.save(stored);
        events.publishEvent(new ProfileRecorded(subjectId, stored.toProfile()));
    }

    @Transactional(readOnly = true)
    public Optional<Profile> find(long subjectId) {
        return profiles.findById(subjectId).map(MemberProfile::toProfile);
    }

    /**
     * The profiles of these data subjects (one query per call; call it with about a thousand at a time). Read with
     * plain SQL, not as entities: matching reads every mentor's profile per request (MatchRankingBenchmark), and
     * entities cost about 14 kB each to load. Sees only what is written to the database (not an unflushed change).
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Profile> findAll(java.util.Collection<Long> subjectIds) {
        java.util.Map<Long, Profile> found = new java.util.HashMap<>();
        if (!subjectIds.isEmpty()) {
            jdbc.query("""
                    SELECT subject_id, kind, phone, postal_code, city, industry, expertise, business_name, years_of_experience,
                           languages, birth_year, gender, ethnicity, country_of_origin
                    FROM member_profile WHERE subject_id IN (:subjects)""",
                    new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("subjects", subjectIds), rs -> {
                        String kind = rs.getString("kind");
                        found.put(rs.getLong("subject_id"), new Profile(kind == null ? null : MemberKind.valueOf(kind),
                                rs.getString("phone"), rs.getString("postal_code"), rs.getString("city"), rs.getString("industry"),
                                rs.getString("expertise"), rs.getString("business_name"), rs.getObject("years_of_experience", Integer.class),
                                rs.getString("languages"), rs.getObject("birth_year", Integer.class), rs.getString("gender"),
                                rs.getString("ethnicity"), rs.getString("country_of_origin")));
                    });
        }
        return found;
    }

    @Transactional(readOnly = true)
    public Profile get(long subjectId) {
        return find(subjectId).orElseThrow(() -> new NotFoundException("No profile for data subject " + subjectId));
    }

    /**
     * Deletes what the person told us about themselves, when nothing we keep needs it any more (an
     * application discarded because its address was never confirmed). The caller checks that.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(long subjectId) {
        profiles.findById(subjectId).ifPresent(profiles::delete);
    }

    boolean exists(long subjectId) {
        return profiles.existsById(subjectId);
    }
}
