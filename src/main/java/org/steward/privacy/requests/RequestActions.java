package org.steward.privacy.requests;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.Members;
import org.steward.privacy.RetentionSettings;
import org.steward.privacy.deactivation.Deactivations;
import org.steward.privacy.erasure.Erasure;
import org.steward.system.ConflictException;
import org.steward.system.InvalidInputException;

/**
 * Carrying out an approved request, one method per branch of DataSubjectRequestProcess: the export
 * (DSR-9), the do-not-process flag (DSR-8), deactivation (DSR-6) and erasure (DSR-7) through their modules.
 */
@Service
public class RequestActions {

    private final RequestRecords records;
    private final RequestExports exports;
    private final Restrictions restrictions;
    private final Members members;
    private final Deactivations deactivations;
    private final Erasure erasure;
    private final LinkService links;
    private final MailOutbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    RequestActions(RequestRecords records, RequestExports exports, Restrictions restrictions, Members members,
                   Deactivations deactivations, Erasure erasure, LinkService links, MailOutbox outbox, AuditTrail audit,
                   Clock clock) {
        this.records = records;
        this.exports = exports;
        this.restrictions = restrictions;
        this.members = members;
        this.deactivations = deactivations;
        this.erasure = erasure;
        this.links = links;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Task_BuildExport (DSR-9): everything the register finds, as JSON and HTML, stored with the request. */
    @Transactional
    public long buildExport(long requestId) {
        return exports.build(requestId, records.get(requestId).subjectId());
    }

    /** Task_SendDownloadLink (DSR-9): never an attachment; a link that expires after 7 days, with the export. */
    @Transactional
    public void sendDownloadLink(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        long exportId = exports.build(requestId, request.subjectId());
        String token = links.issue(RequestLinks.DOWNLOAD, exportId, RequestLinks.DOWNLOAD_VALIDITY);
        Mail mail = new Mail("privacy-request-" + requestId + "-download", RequestLinks.subjectRef(requestId),
                "privacy-request-export", request.email(), Map.of("type", request.type().label(), "requestId", requestId,
                "downloadPath", RequestLinks.DOWNLOAD_PATH + token,
                "expiresAt", RequestSteps.DATE.format(RetentionSettings.after(clock.instant(), RequestLinks.DOWNLOAD_VALIDITY)))).withRole(RecipientRole.REQUESTER);
        outbox.enqueue(request.subjectId() == null ? mail : mail.toSubject(request.subjectId()));
    }

    /**
     * Task_RestrictProcessing (DSR-8): the person is flagged do-not-process; an unknown address has nothing to
     * flag. A RESTRICTION asked for while the same person's rectification or objection is open lasts while that
     * dispute is pending: it is lifted when that request ends (Task_LiftDisputeRestrictions). An objection's own
     * flag is its outcome and lasts until an officer lifts it.
     */
    @Transactional
    public boolean restrict(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        if (request.subjectId() == null) {
            audit.record("system", "PROCESSING_RESTRICTED", DataSubjectRequestProcess.businessKey(requestId), "flagged=false");
            return false;
        }
        Long dispute = request.type() == RequestType.RESTRICTION
                ? records.openDisputeOf(request.subjectId(), requestId).orElse(null) : null;
        boolean flagged = restrictions.flag(request.subjectId(), requestId, request.type(), dispute);
        audit.record("system", "PROCESSING_RESTRICTED", DataSubjectRequestProcess.businessKey(requestId),
                "flagged=" + flagged + (dispute == null ? "" : ", until=" + DataSubjectRequestProcess.businessKey(dispute)));
        return flagged;
    }

    /** Task_LiftDisputeRestrictions (DSR-8): this request has ended; restrictions that waited for it are lifted. */
    @Transactional
    public int liftDisputeRestrictions(long requestId) {
        int lifted = restrictions.liftForDispute(requestId);
        if (lifted > 0) {
            audit.record("system", "PROCESSING_RESTRICTION_LIFTED", DataSubjectRequestProcess.businessKey(requestId),
                    "dispute ended, lifted=" + lifted);
        }
        return lifted;
    }

    /** DSR-8: a privacy officer lifts the do-not-process flag a restriction or objection set. */
    @Transactional
    public boolean liftRestriction(long requestId, String staffUser) {
        RequestRecords.Row request = records.get(requestId);
        if (request.type().handling() != RequestType.Handling.RESTRICT) {
            throw new InvalidInputException(Map.of("id", "only a restriction or objection sets a flag to lift"));
        }
        boolean lifted = restrictions.lift(requestId);
        audit.record(staffUser, "PROCESSING_RESTRICTION_LIFTED", DataSubjectRequestProcess.businessKey(requestId), "lifted=" + lifted);
        return lifted;
    }

    /** Task_DeactivateMember (DSR-6): a member is deactivated by the deactivation process; anyone else has nothing to deactivate. */
    @Transactional
    public boolean deactivate(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        Optional<Long> memberId = Optional.ofNullable(request.subjectId()).flatMap(members::memberIdOf);
        if (memberId.isEmpty()) {
            return false;
        }
        try {
            deactivations.deactivateForMember(memberId.get(), actor(request));
        } catch (ConflictException e) {
            return false; // anonymised already: nothing left to deactivate
        }
        return true;
    }

    /** Task_RequestErasure (DSR-7): the erasure process erases the address everywhere and confirms to the person. */
    @Transactional
    public long erase(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        if (request.email() == null) {
            return 0;
        }
        return erasure.requestByEmail(request.email(), "Data-subject request #" + requestId, actor(request)).id();
    }

    /** The download link's record: the export id, for the link controller. */
    @Transactional
    public ExportFile download(String token, String format) {
        long exportId = links.check(RequestLinks.DOWNLOAD, token).subjectId();
        return exports.download(exportId, "html".equalsIgnoreCase(format) ? RequestExports.Format.HTML : RequestExports.Format.JSON);
    }

    /** GET of the download link: valid or not, nothing changes. */
    @Transactional(readOnly = true)
    public void checkDownloadLink(String token) {
        links.check(RequestLinks.DOWNLOAD, token);
    }

    private static String actor(RequestRecords.Row request) {
        return request.decidedBy() == null ? "system" : request.decidedBy();
    }
}
