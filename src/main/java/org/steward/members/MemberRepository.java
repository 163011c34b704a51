package org.steward.members;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, Long> {

    Optional<Member> findBySubjectId(long subjectId);

    boolean existsBySubjectId(long subjectId);

    long countByIdIn(Collection<Long> ids);

    List<Member> findByIdInAndStatusOrderById(Collection<Long> ids, MemberStatus status);
}
