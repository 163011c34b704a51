package org.steward.breach;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What was sent to whom, when, and who approved it (BRE-6). The mail itself is in the outbox under {@link #outboxKey}. */
@Entity
@Table(name = "incident_notice")
class IncidentNotice {

    public enum Kind { ISO_NOTICE, MINIMAL_ISO_NOTICE, WRITTEN_REPORT, STATUS_REPORT, ESCALATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long incidentId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;
    private Long organisationId;
    private Long reportId;
    private String recipient;
    /** The recipient's data subject; null for security officers (staff). */
    private Long recipientSubjectId;
    private String outboxKey;
    private String approvedBy;
    private Instant queuedAt;

    protected IncidentNotice() {
    }

    IncidentNotice(long incidentId, Kind kind, Long organisationId, Long reportId, String recipient,
                   Long recipientSubjectId, String outboxKey, String approvedBy, Instant now) {
        this.incidentId = incidentId;
        this.kind = kind;
        this.organisationId = organisationId;
        this.reportId = reportId;
        this.recipient = recipient;
        this.recipientSubjectId = recipientSubjectId;
        this.outboxKey = outboxKey;
        this.approvedBy = approvedBy;
        this.queuedAt = now;
    }

    public Long getId() { return id; }
    public Long getIncidentId() { return incidentId; }
    public Kind getKind() { return kind; }
    public Long getOrganisationId() { return organisationId; }
    public Long getReportId() { return reportId; }
    public String getRecipient() { return recipient; }
    public Long getRecipientSubjectId() { return recipientSubjectId; }
    public String getOutboxKey() { return outboxKey; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getQueuedAt() { return queuedAt; }
}
