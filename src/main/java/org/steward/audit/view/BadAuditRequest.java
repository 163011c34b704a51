package org.steward.audit.view;

/** A filter an auditor typed that we cannot answer (malformed date, too long a period, unknown process): 400 with this message. */
class BadAuditRequest extends RuntimeException {

    BadAuditRequest(String message) {
        super(message);
    }
}
