package org.steward.links;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MemberLinkRepository extends JpaRepository<MemberLink, Long> {

    Optional<MemberLink> findByTokenHash(String tokenHash);

    /** Marks the link used if, and only if, it is still usable: the database decides the race. */
    @Modifying
    @Query("""
            update MemberLink l set l.usedAt = :now
            where l.tokenHash = :hash and l.purpose = :purpose and l.usedAt is null and l.expiresAt > :now""")
    int consume(String hash, String purpose, Instant now);

    @Modifying
    @Query("update MemberLink l set l.usedAt = :now where l.purpose = :purpose and l.subjectId = :subjectId and l.usedAt is null")
    int revoke(String purpose, long subjectId, Instant now);

    @Modifying
    @Query("delete from MemberLink l where l.purpose = :purpose and l.subjectId = :subjectId")
    int forget(String purpose, long subjectId);
}
