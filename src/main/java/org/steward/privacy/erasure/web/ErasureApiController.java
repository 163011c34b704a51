package org.steward.privacy.erasure.web;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.privacy.erasure.Erasure;
import org.steward.privacy.erasure.ErasureView;
import org.steward.system.InvalidInputException;
import org.steward.system.validation.PlainTextValidator;

/**
 * Erasure through the API (DSR-7, DSR-10). Only privacy officers (and admins) ask for an erasure;
 * auditors read its result; program staff may also report an under-age member. The body is read as
 * JSON and checked after the caller's group, so the unauthorised learn nothing from validation.
 */
@RestController
class ErasureApiController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL = 320;
    private static final int MAX_REASON = 1000;
    private static final Set<String> FIELDS = Set.of("email", "memberId", "reason");

    private final Erasure erasure;

    ErasureApiController(Erasure erasure) {
        this.erasure = erasure;
    }

    /**
     * {@code {"email": "...", "reason": "..."}} or {@code {"memberId": 42, "reason": "..."}} → 202 with the
     * erasure's id and status. An unknown address is accepted alike (the answer never says whether we
     * knew it, DSR-2); an unknown member id is 404; a member already erased gets the earlier erasure.
     */
    @PostMapping("/api/erasures")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    ResponseEntity<Map<String, Object>> request(@RequestBody JsonNode body, Principal user) {
        Request request = Request.of(body);
        ErasureView started = request.email() != null
                ? erasure.requestByEmail(request.email(), request.reason(), user.getName())
                : erasure.requestForMember(request.memberId(), request.reason(), user.getName());
        return accepted(started);
    }

    /** What an erasure did and found: places, residue columns, times. No personal data. */
    @GetMapping("/api/erasures/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    ErasureView view(@PathVariable long id) {
        return erasure.view(id);
    }

    /** The Tasklist start form posts with the officer's session: it needs the CSRF token. */
    @GetMapping("/api/erasures/start-form")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    Map<String, Object> startForm(CsrfToken csrf) {
        return Map.of("csrf", Map.of("headerName", csrf.getHeaderName(), "token", csrf.getToken()));
    }

    /** DSR-10: the member is under the minimum age; everything about them is erased at once, without a mail. */
    @PostMapping("/api/members/{id}/under-age")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_program-staff', 'GROUP_admins')")
    ResponseEntity<Map<String, Object>> underAge(@PathVariable long id, Principal user) {
        return accepted(erasure.underAge(id, user.getName()));
    }

    private static ResponseEntity<Map<String, Object>> accepted(ErasureView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.id());
        body.put("status", view.status());
        return ResponseEntity.accepted().location(URI.create("/api/erasures/" + view.id())).body(body);
    }

    /** The request body, checked field by field: one readable message per bad field, nothing stored. */
    record Request(String email, Long memberId, String reason) {

        static Request of(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw new InvalidInputException(Map.of("body", "send a JSON object with email or memberId, and reason"));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            body.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                errors.put("body", "this request does not take " + String.join(", ", unknown));
            }
            String email = null;
            Long memberId = null;
            JsonNode emailNode = present(body, "email");
            JsonNode memberNode = present(body, "memberId");
            if ((emailNode == null) == (memberNode == null)) {
                errors.put("email", "give either email or memberId");
            } else if (emailNode != null) {
                String value = emailNode.isTextual() ? emailNode.textValue().trim() : "";
                if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches() || !PlainTextValidator.isPlainText(value, false)) {
                    errors.put("email", "must be a valid email address");
                } else {
                    email = value;
                }
            } else if (!memberNode.isIntegralNumber() || !memberNode.canConvertToLong() || memberNode.longValue() <= 0) {
                errors.put("memberId", "must be a member id (a positive whole number)");
            } else {
                memberId = memberNode.longValue();
            }
            JsonNode reasonNode = present(body, "reason");
            String reason = reasonNode != null && reasonNode.isTextual() ? reasonNode.textValue().trim() : "";
            if (reason.isEmpty() || reason.length() > MAX_REASON || !PlainTextValidator.isPlainText(reason, true)) {
                errors.put("reason", "say why the person is erased: plain text, at most " + MAX_REASON + " characters");
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new Request(email, memberId, reason);
        }

        private static JsonNode present(JsonNode body, String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node;
        }
    }
}
