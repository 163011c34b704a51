package org.steward.privacy.requests;

import java.time.Period;

/** The two links of a data-subject request (DSR-2, DSR-9): single-use verification, expiring download. */
final class RequestLinks {

    static final String VERIFY = "privacy-request-verification";
    static final String VERIFY_PATH = "/links/privacy-request/";
    static final String DOWNLOAD = "privacy-export-download";
    static final String DOWNLOAD_PATH = "/links/privacy-export/";

    /** DSR-2: an unverified request expires after 7 days; the link lives as long. */
    static final Period VERIFICATION_WAIT = Period.ofDays(7);
    /** DSR-9: the download link expires after 7 days, and the export with it. */
    static final Period DOWNLOAD_VALIDITY = Period.ofDays(7);
    /** DSR-3: due 30 days after receipt (verification). */
    static final Period DEADLINE = Period.ofDays(30);

    static String subjectRef(long requestId) {
        return "privacy-request:" + requestId;
    }

    private RequestLinks() {
    }
}
