package org.steward.matching.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.matching.MatchRequests;
import org.steward.matching.Matches;
import org.steward.system.InvalidInputException;

/**
 * The matching API (issue 12): program staff start a request for an entrepreneur (MAT-1), read its ranked candidates
 * with their points per criterion (MAT-2), read a match (also auditors) and close it (MAT-6). Member ids only, never
 * contact details. Who may call what is also checked before the body is read (SecurityConfig).
 */
@RestController
class MatchingApiController {

    private final MatchRequests requests;
    private final Matches matches;

    MatchingApiController(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    private static final Set<String> REQUEST_FIELDS = Set.of("entrepreneurId", "need", "language");

    /** The body's shape first (an object, only these fields, an id that is a whole number); the service checks the rest. */
    @PostMapping("/api/match-requests")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    ResponseEntity<MatchRequests.Created> request(@RequestBody JsonNode body, Principal staff) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(Map.of("body", "send a JSON object with entrepreneurId, need and language"));
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!REQUEST_FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(Map.of("body", "this request does not take " + String.join(", ", unknown)));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode id = body.get("entrepreneurId");
        Long entrepreneurId = null;
        if (id != null && !id.isNull()) {
            if (id.canConvertToLong() && id.isIntegralNumber()) {
                entrepreneurId = id.longValue();
            } else {
                errors.put("entrepreneurId", "the entrepreneur's member id, a whole number");
            }
        }
        String need = text(body, "need", errors);
        String language = text(body, "language", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.request(entrepreneurId, need, language, staff.getName()));
    }

    private static String text(JsonNode body, String field, Map<String, String> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.put(field, "must be text");
            return null;
        }
        return value.asText();
    }

    @GetMapping("/api/match-requests/{id}/candidates")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    List<MatchRequests.Candidate> candidates(@PathVariable long id) {
        return requests.candidates(id);
    }

    @GetMapping("/api/matches/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_auditors', 'GROUP_admins')")
    Matches.MatchView match(@PathVariable long id) {
        return matches.view(id);
    }

    @PostMapping("/api/matches/{id}/close")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    Matches.MatchView close(@PathVariable long id, Principal staff) {
        return matches.closeByStaff(id, staff.getName());
    }
}
