package org.steward.members;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberProfileRepository extends JpaRepository<MemberProfile, Long> {
}
