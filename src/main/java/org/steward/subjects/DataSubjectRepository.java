package org.steward.subjects;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DataSubjectRepository extends JpaRepository<DataSubject, Long> {

    Optional<DataSubject> findByEmail(String email);

    List<DataSubject> findByIdIn(Collection<Long> ids);
}
