package org.steward.application;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferenceRepository extends JpaRepository<Reference, Long> {

    List<Reference> findByApplicationIdOrderById(long applicationId);

    boolean existsByRefereeSubjectId(long subjectId);

    long countByApplicationIdAndStatus(long applicationId, Reference.Status status);
}
