package org.steward.breach;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/**
 * One revision of a report text (BRE-3 written report, BRE-4 status report of a cycle, BRE-5 member
 * notice). Rows are never changed: a new revision is a new row, and the process refers to it by id.
 */
@Entity
@Table(name = "incident_report")
class IncidentReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long incidentId;
    @Enumerated(EnumType.STRING)
    private ReportKind kind;
    private int cycle;
    private int revision;
    private String writtenBy;
    private Instant writtenAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_report_part", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "part")
    @Column(name = "content", columnDefinition = "MEDIUMTEXT")
    private Map<String, String> parts = new LinkedHashMap<>();

    protected IncidentReport() {
    }

    IncidentReport(long incidentId, ReportKind kind, int cycle, int revision, Map<String, String> parts,
                   String writtenBy, Instant now) {
        this.incidentId = incidentId;
        this.kind = kind;
        this.cycle = cycle;
        this.revision = revision;
        this.parts.putAll(parts);
        this.writtenBy = writtenBy;
        this.writtenAt = now;
    }

    public Long getId() { return id; }
    public Long getIncidentId() { return incidentId; }
    public ReportKind getKind() { return kind; }
    public int getCycle() { return cycle; }
    public int getRevision() { return revision; }
    public String getWrittenBy() { return writtenBy; }
    public Instant getWrittenAt() { return writtenAt; }
    public Map<String, String> getParts() { return parts; }
}
