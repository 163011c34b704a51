package org.steward.application;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferenceRepository extends JpaRepository<Reference, Long> {

    List<Reference> findByApplicationIdOrderById(long applicationId);
}
