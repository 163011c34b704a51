package org.steward.privacy.requests.web;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steward.privacy.requests.PrivacyRequests;
import org.steward.privacy.requests.RequestActions;
import org.steward.privacy.requests.RequestExtensions;
import org.steward.privacy.requests.RequestStatus;
import org.steward.privacy.requests.RequestView;
import org.steward.system.InvalidInputException;

/**
 * Data-subject requests over the API (DSR-1 to DSR-3). Anyone submits; the answer is one and the same
 * 202 for every well-formed request, known address or not (DSR-2). Privacy officers and auditors read
 * requests without the address (AUD-2).
 */
@RestController
class PrivacyRequestApiController {

    private final PrivacyRequests requests;
    private final RequestActions actions;
    private final RequestExtensions extensions;

    PrivacyRequestApiController(PrivacyRequests requests, RequestActions actions, RequestExtensions extensions) {
        this.requests = requests;
        this.actions = actions;
        this.extensions = extensions;
    }

    /** {@code {"email": "...", "type": "ACCESS", "details": "..."}} → 202 {@code {"message": ...}}. */
    @PostMapping("/api/privacy-requests")
    ResponseEntity<Map<String, String>> submit(@RequestBody JsonNode body) {
        PrivacyRequestInput input = read(body);
        requests.submit(input.email(), input.type(), input.details());
        return ResponseEntity.accepted().body(Map.of("message", PrivacyRequests.ACCEPTED));
    }

    private static PrivacyRequestInput read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(Map.of("body", "send a JSON object with email, type and optional details"));
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!PrivacyRequestInput.FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        return PrivacyRequestInput.check(text(body, "email"), text(body, "type"), text(body, "details"), unknown);
    }

    /** Privacy officers file a request for someone who asked by phone or letter: verified at once → 201 with id and status. */
    @PostMapping("/api/privacy-requests/on-behalf")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    ResponseEntity<RequestView> fileOnBehalf(@RequestBody JsonNode body, Principal user) {
        PrivacyRequestInput input = read(body);
        RequestView filed = requests.fileOnBehalf(input.email(), input.type(), input.details(), user.getName());
        return ResponseEntity.created(URI.create("/api/privacy-requests/" + filed.id())).body(filed);
    }

    /** DSR-8: the dispute ended; the person may be processed again. 200 {@code {"lifted": true|false}}. */
    @PostMapping("/api/privacy-requests/{id}/lift-restriction")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    Map<String, Boolean> liftRestriction(@PathVariable long id, Principal user) {
        return Map.of("lifted", actions.liftRestriction(id, user.getName()));
    }

    /**
     * DSR-3: a privacy officer extends the deadline once, by 1 to 60 days, with a reason the requester receives:
     * {@code {"reason": "...", "days": 30}} → 200 with the request (extendedTo set); a second extension → 400.
     */
    @PostMapping("/api/privacy-requests/{id}/extension")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    RequestView extend(@PathVariable long id, @RequestBody JsonNode body, Principal user) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(Map.of("body", "send a JSON object with reason and days"));
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("reason") && !name.equals("days")) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(Map.of("body", "this request does not take " + String.join(", ", unknown)));
        }
        requests.view(id); // 404 before any field message for an unknown request
        JsonNode days = body.get("days");
        if (days != null && !days.isNull() && (!days.isIntegralNumber() || !days.canConvertToInt())) {
            throw new InvalidInputException(Map.of("days", "a whole number of days, 1 to " + RequestExtensions.MAX_DAYS));
        }
        JsonNode reason = body.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw new InvalidInputException(Map.of("reason", "must be text"));
        }
        return extensions.extend(id, days == null || days.isNull() ? null : days.intValue(),
                reason == null || reason.isNull() ? null : reason.textValue(), user.getName());
    }

    @GetMapping("/api/privacy-requests")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    List<RequestView> list(@RequestParam(required = false) String status) {
        RequestStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = RequestStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Map.of("status", "choose one of AWAITING_VERIFICATION, EXPIRED, IN_REVIEW, COMPLETED, REFUSED"));
            }
        }
        return requests.list(wanted);
    }

    @GetMapping("/api/privacy-requests/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    RequestView view(@PathVariable long id) {
        return requests.view(id);
    }

    /** A field's text; anything but text (a number, an object) counts as given wrongly and fails the check. */
    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : "\u0000";
    }
}
