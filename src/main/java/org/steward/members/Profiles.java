package org.steward.members;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.system.NotFoundException;

/** The one home of a person's profile (APP-1), keyed by their data subject id. */
@Service
public class Profiles {

    private final MemberProfileRepository profiles;
    private final Clock clock;

    Profiles(MemberProfileRepository profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Stores what the person told us, replacing what they told us before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long subjectId, Profile profile) {
        MemberProfile stored = profiles.findById(subjectId).orElseGet(() -> new MemberProfile(subjectId));
        stored.replace(profile, clock.instant());
        profiles.save(stored);
    }

    @Transactional(readOnly = true)
    public Optional<Profile> find(long subjectId) {
        return profiles.findById(subjectId).map(MemberProfile::toProfile);
    }

    /** The profiles of these data subjects (one query per call; call it with about a thousand at a time). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Profile> findAll(java.util.Collection<Long> subjectIds) {
        java.util.Map<Long, Profile> found = new java.util.HashMap<>();
        if (!subjectIds.isEmpty()) {
            profiles.findAllById(subjectIds).forEach(p -> found.put(p.getSubjectId(), p.toProfile()));
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
