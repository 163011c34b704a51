package org.steward.members;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberRepository extends JpaRepository<Member, Long> {

    boolean existsByProfileEmail(String email);

    Optional<Member> findByProfileEmail(String email);

    long countByIdIn(java.util.Collection<Long> ids);
}
