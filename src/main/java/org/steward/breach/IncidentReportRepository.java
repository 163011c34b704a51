package org.steward.breach;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentReportRepository extends JpaRepository<IncidentReport, Long> {

    Optional<IncidentReport> findFirstByIncidentIdAndKindAndCycleOrderByRevisionDesc(long incidentId, ReportKind kind, int cycle);
}
