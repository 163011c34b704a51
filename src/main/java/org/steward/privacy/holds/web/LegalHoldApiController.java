package org.steward.privacy.holds.web;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steward.members.Members;
import org.steward.privacy.holds.HoldKind;
import org.steward.privacy.holds.LegalHold;
import org.steward.privacy.holds.LegalHolds;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.InvalidInputException;
import org.steward.system.validation.PlainTextValidator;

/**
 * Legal holds through the API (DSR-4): privacy officers (and admins) place and release them, auditors
 * read them. The person is named by member id or address; the answer names them by subject id only and
 * leaves out the officer's reason. The body is checked after the caller's group (Spring Security first).
 */
@RestController
class LegalHoldApiController {

    private static final Set<String> FIELDS = Set.of("memberId", "email", "kind", "places", "reason", "endsOn");
    private static final int MAX_REASON = 1000;
    private static final int MAX_PLACES = 20;

    private final LegalHolds holds;
    private final Members members;
    private final DataSubjects subjects;

    LegalHoldApiController(LegalHolds holds, Members members, DataSubjects subjects) {
        this.holds = holds;
        this.members = members;
        this.subjects = subjects;
    }

    /**
     * {@code {"memberId": 7, "kind": "BILLING_OR_DONATION", "places": ["Members and profiles"], "reason": "...",
     * "endsOn": "2031-12-31"}} (or {@code "email"} instead of memberId) → 201 with the hold.
     */
    @PostMapping("/api/legal-holds")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    ResponseEntity<LegalHold> place(@RequestBody(required = false) JsonNode body, Principal user) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(Map.of("body", "send a JSON object with memberId or email, kind, places, reason"));
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            errors.put("body", "this request does not take " + String.join(", ", unknown));
        }
        Long subjectId = person(body, errors);
        HoldKind kind = null;
        JsonNode kindNode = body.get("kind");
        try {
            kind = kindNode != null && kindNode.isTextual() ? HoldKind.valueOf(kindNode.textValue()) : null;
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            errors.put("kind", "one of BILLING_OR_DONATION, OPEN_DISPUTE, LEGAL_OBLIGATION");
        }
        List<String> places = new ArrayList<>();
        JsonNode placesNode = body.get("places");
        if (placesNode == null || !placesNode.isArray() || placesNode.isEmpty() || placesNode.size() > MAX_PLACES) {
            errors.put("places", "a list of 1 to " + MAX_PLACES + " places of the register of personal data");
        } else {
            placesNode.forEach(p -> places.add(p.isTextual() ? p.textValue().trim() : ""));
        }
        JsonNode reasonNode = body.get("reason");
        String reason = reasonNode != null && reasonNode.isTextual() ? reasonNode.textValue().trim() : "";
        if (reason.isEmpty() || reason.length() > MAX_REASON || !PlainTextValidator.isPlainText(reason, true)) {
            errors.put("reason", "say why the records are kept: plain text, at most " + MAX_REASON + " characters");
        }
        LocalDate endsOn = null;
        JsonNode endsNode = body.get("endsOn");
        if (endsNode != null && !endsNode.isNull()) {
            try {
                endsOn = LocalDate.parse(endsNode.isTextual() ? endsNode.textValue() : "");
            } catch (DateTimeParseException e) {
                errors.put("endsOn", "a date, YYYY-MM-DD");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LegalHold hold = holds.place(subjectId, kind, places, reason, endsOn, user.getName());
        return ResponseEntity.created(URI.create("/api/legal-holds/" + hold.id())).body(hold);
    }

    @GetMapping("/api/legal-holds")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    List<LegalHold> list(@RequestParam(defaultValue = "false") boolean active) {
        return holds.list(active);
    }

    @GetMapping("/api/legal-holds/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    LegalHold view(@PathVariable long id) {
        return holds.get(id);
    }

    /** Ends a hold early (the dispute is resolved): what it kept is erased by the waiting erasure. */
    @PostMapping("/api/legal-holds/{id}/release")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    LegalHold release(@PathVariable long id, Principal user) {
        return holds.release(id, user.getName());
    }

    private Long person(JsonNode body, Map<String, String> errors) {
        JsonNode member = body.get("memberId");
        JsonNode email = body.get("email");
        boolean hasMember = member != null && !member.isNull();
        boolean hasEmail = email != null && !email.isNull();
        if (hasMember == hasEmail) {
            errors.put("memberId", "give either memberId or email");
            return null;
        }
        Optional<Long> subject;
        if (hasMember) {
            if (!member.isIntegralNumber() || !member.canConvertToLong() || member.longValue() <= 0) {
                errors.put("memberId", "must be a member id (a positive whole number)");
                return null;
            }
            subject = members.subjectIdOf(member.longValue());
            if (subject.isEmpty()) {
                errors.put("memberId", "no member " + member.longValue());
            }
        } else {
            String address = email.isTextual() ? email.textValue().trim() : "";
            subject = address.length() > 320 || address.isEmpty() ? Optional.empty()
                    : subjects.findByEmail(DataSubjects.normaliseEmail(address)).map(Subject::id);
            if (subject.isEmpty()) {
                errors.put("email", "we hold no data about this address");
            }
        }
        return subject.orElse(null);
    }
}
