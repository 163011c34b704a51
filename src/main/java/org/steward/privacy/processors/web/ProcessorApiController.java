package org.steward.privacy.processors.web;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.privacy.processors.ErasureInstructions;
import org.steward.privacy.processors.Instruction;
import org.steward.privacy.processors.Processor;
import org.steward.privacy.processors.Processors;
import org.steward.system.InvalidInputException;
import org.steward.system.validation.PlainTextValidator;

/**
 * The register of processors through the API (DSR-7): privacy officers (and admins) add and change
 * processors (deactivate with {@code "active": false}; nothing is deleted, instructions point at them);
 * auditors read the register and each erasure's instructions.
 */
@RestController
class ProcessorApiController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> FIELDS = Set.of("name", "contactEmail", "holds", "active");

    private final Processors processors;
    private final ErasureInstructions instructions;

    ProcessorApiController(Processors processors, ErasureInstructions instructions) {
        this.processors = processors;
        this.instructions = instructions;
    }

    /** {@code {"name": "...", "contactEmail": "...", "holds": "...", "active": true}} → 201. */
    @PostMapping("/api/processors")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    ResponseEntity<Processor> add(@RequestBody(required = false) JsonNode body, Principal user) {
        Input in = Input.of(body);
        Processor added = processors.add(in.name(), in.contactEmail(), in.holds(), in.active(), user.getName());
        return ResponseEntity.created(URI.create("/api/processors/" + added.id())).body(added);
    }

    /** The whole processor again (same fields): a change, or {@code "active": false} to stop instructing it. */
    @PutMapping("/api/processors/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    Processor change(@PathVariable long id, @RequestBody(required = false) JsonNode body, Principal user) {
        processors.get(id);
        Input in = Input.of(body);
        return processors.change(id, in.name(), in.contactEmail(), in.holds(), in.active(), user.getName());
    }

    @GetMapping("/api/processors")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    List<Processor> list() {
        return processors.list();
    }

    @GetMapping("/api/processors/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    Processor view(@PathVariable long id) {
        return processors.get(id);
    }

    /** The erasure instructions one erasure sent, with their status (DSR-7). */
    @GetMapping("/api/erasures/{id}/instructions")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    List<Instruction> instructions(@PathVariable long id) {
        return instructions.forErasure(id);
    }

    record Input(String name, String contactEmail, String holds, boolean active) {

        static Input of(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw new InvalidInputException(Map.of("body", "send a JSON object with name, contactEmail, holds, active"));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            body.fieldNames().forEachRemaining(n -> {
                if (!FIELDS.contains(n)) {
                    unknown.add(n);
                }
            });
            if (!unknown.isEmpty()) {
                errors.put("body", "this request does not take " + String.join(", ", unknown));
            }
            String name = text(body, "name", 200, false, errors, "the processor's name: plain text, at most 200 characters");
            String holds = text(body, "holds", 1000, true, errors, "what they hold: plain text, at most 1000 characters");
            String email = text(body, "contactEmail", 320, false, errors, "must be a valid email address");
            if (email != null && !EMAIL.matcher(email).matches()) {
                errors.put("contactEmail", "must be a valid email address");
            }
            JsonNode active = body.get("active");
            if (active == null || !active.isBoolean()) {
                errors.put("active", "true or false");
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new Input(name, email.toLowerCase(java.util.Locale.ROOT), holds, active.booleanValue());
        }

        private static String text(JsonNode body, String field, int max, boolean multiLine, Map<String, String> errors,
                                   String message) {
            JsonNode node = body.get(field);
            String value = node != null && node.isTextual() ? node.textValue().trim() : "";
            if (value.isEmpty() || value.length() > max || !PlainTextValidator.isPlainText(value, multiLine)) {
                errors.put(field, message);
                return null;
            }
            return value;
        }
    }
}
