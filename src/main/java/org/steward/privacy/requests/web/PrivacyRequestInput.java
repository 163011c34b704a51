package org.steward.privacy.requests.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.steward.privacy.requests.RequestType;
import org.steward.system.InvalidInputException;
import org.steward.system.validation.PlainTextValidator;

/**
 * A data-subject request as submitted (DSR-1), checked field by field for the API and the page alike:
 * one readable message per bad field; nothing is stored until everything is right.
 */
record PrivacyRequestInput(String email, RequestType type, String details) {

    static final int MAX_EMAIL = 320;
    static final int MAX_DETAILS = 4000;
    static final Set<String> FIELDS = Set.of("email", "type", "details");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The field errors of these raw values, or the checked input. */
    static PrivacyRequestInput check(String email, String type, String details, List<String> unknownFields) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (unknownFields != null && !unknownFields.isEmpty()) {
            errors.put("body", "this request does not take " + String.join(", ", new ArrayList<>(unknownFields)));
        }
        String address = email == null ? "" : email.trim();
        if (address.isEmpty()) {
            errors.put("email", "enter your email address");
        } else if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches() || !PlainTextValidator.isPlainText(address, false)) {
            errors.put("email", "must be a valid email address");
        }
        RequestType requestType = null;
        try {
            requestType = type == null || type.isBlank() ? null : RequestType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            requestType = null;
        }
        if (requestType == null) {
            errors.put("type", "choose one of ACCESS, PORTABILITY, RECTIFICATION, RESTRICTION, OBJECTION, ERASURE, DEACTIVATION");
        }
        String text = details == null || details.isBlank() ? null : details.trim();
        if (text != null && text.length() > MAX_DETAILS) {
            errors.put("details", "may be at most " + MAX_DETAILS + " characters");
        } else if (text != null && !PlainTextValidator.isPlainText(text, true)) {
            errors.put("details", "must be plain text (no control, zero-width or direction-changing characters)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PrivacyRequestInput(address, requestType, text);
    }
}
