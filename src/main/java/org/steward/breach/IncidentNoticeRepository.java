package org.steward.breach;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentNoticeRepository extends JpaRepository<IncidentNotice, Long> {

    boolean existsByOutboxKey(String outboxKey);

    List<IncidentNotice> findByIncidentIdOrderById(long incidentId);
}
