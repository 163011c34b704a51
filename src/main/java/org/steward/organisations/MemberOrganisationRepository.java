package org.steward.organisations;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberOrganisationRepository extends JpaRepository<MemberOrganisation, Long> {

    List<MemberOrganisation> findAllByOrderByNameAsc();

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);
}
