package org.steward.application;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    boolean existsByPendingSubjectId(long subjectId);

    boolean existsBySubjectId(long subjectId);
}
