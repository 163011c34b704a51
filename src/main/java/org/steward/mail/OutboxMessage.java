package org.steward.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rendered email waiting to be sent, or the record that it was. */
@Entity
@Table(name = "outbox_message")
class OutboxMessage {

    /** CANCELLED: the recipient was erased (DSR-7) or deactivated (DSR-6) before the mail went out, or no longer
     *  consented to the mail's purpose when it was due (CON-2). */
    public enum Status { PENDING, SENT, FAILED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String idempotencyKey;
    private String subjectRef;
    private String template;
    private String recipient;
    private Long recipientSubjectId;
    private String subject;
    @Column(columnDefinition = "MEDIUMTEXT")
    private String htmlBody;
    @Column(columnDefinition = "MEDIUMTEXT")
    private String textBody;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant nextAttemptAt;
    private String claimToken;
    private Instant claimedUntil;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;
    private String consentPurpose;
    private String mailHeaders;
    private String messageId;
    private String ownerProcessInstanceId;
    private String ownerActivityId;
    private String ownerCaseKey;
    private String failureKind;
    private Integer lastSmtpCode;

    protected OutboxMessage() {
    }

    public Long getId() { return id; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getSubjectRef() { return subjectRef; }
    public String getTemplate() { return template; }
    public String getRecipient() { return recipient; }
    public Long getRecipientSubjectId() { return recipientSubjectId; }
    public String getSubject() { return subject; }
    public String getHtmlBody() { return htmlBody; }
    public String getTextBody() { return textBody; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public String getConsentPurpose() { return consentPurpose; }
    public String getMailHeaders() { return mailHeaders; }
    public String getMessageId() { return messageId; }
    public String getOwnerProcessInstanceId() { return ownerProcessInstanceId; }
    public String getOwnerActivityId() { return ownerActivityId; }
    public String getOwnerCaseKey() { return ownerCaseKey; }
    public String getFailureKind() { return failureKind; }
    public Integer getLastSmtpCode() { return lastSmtpCode; }
}
