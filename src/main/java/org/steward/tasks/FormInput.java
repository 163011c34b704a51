package org.steward.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.steward.system.InvalidInputException;
import org.steward.system.validation.PlainTextValidator;

/**
 * Reads a task form's JSON input field by field, collecting one readable message per bad field, so a
 * {@link TaskForm#check} reads like the form it checks. Fields the form does not declare are refused.
 */
public final class FormInput {

    private final JsonNode input;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private FormInput(JsonNode input) {
        this.input = input;
    }

    /** Starts reading; refuses anything but a JSON object whose fields are all in {@code declared}. */
    public static FormInput of(JsonNode input, Set<String> declared) {
        FormInput form = new FormInput(input);
        if (input == null || !input.isObject()) {
            throw new InvalidInputException(Map.of("form", "send the form's fields as a JSON object"));
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!declared.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(Map.of("form", "this task does not take " + String.join(", ", unknown)));
        }
        return form;
    }

    /** Multi-line text, trimmed; null when absent or blank. Required text that is missing gets {@code missing}. */
    public String text(String field, int maxLength, String missing) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return requireIfAsked(field, missing);
        }
        if (!node.isTextual()) {
            errors.putIfAbsent(field, "must be text");
            return null;
        }
        String value = node.textValue().trim();
        if (value.isEmpty()) {
            return requireIfAsked(field, missing);
        }
        if (value.length() > maxLength) {
            errors.putIfAbsent(field, "may be at most " + maxLength + " characters");
        } else if (!PlainTextValidator.isPlainText(value, true)) {
            errors.putIfAbsent(field, "must be plain text (no control, zero-width or direction-changing characters)");
        }
        return value;
    }

    /** One of an enum's names; null when absent. */
    public <E extends Enum<E>> E choice(String field, Class<E> type, String missing) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            requireIfAsked(field, missing);
            return null;
        }
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (!node.isTextual()) {
            errors.putIfAbsent(field, "choose one of " + allowed);
            return null;
        }
        try {
            return Enum.valueOf(type, node.textValue().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(field, "choose one of " + allowed);
            return null;
        }
    }

    /** A yes/no answer; {@code absent} when the field is missing. */
    public boolean flag(String field, boolean absent) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
            return Boolean.parseBoolean(node.textValue());
        }
        errors.putIfAbsent(field, "must be true or false");
        return absent;
    }

    /**
     * A yes/no the person must answer (a choice between two ways on): absent or null is refused with
     * {@code whenMissing}. Returns null then; {@link #done()} throws before that null can be used.
     */
    public Boolean requiredFlag(String field, String whenMissing) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            errors.putIfAbsent(field, whenMissing);
            return null;
        }
        return flag(field, false);
    }

    /** Records a rule broken across fields (e.g. a reason required for this decision). */
    public void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** Throws one InvalidInputException naming every bad field, if any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private String requireIfAsked(String field, String missing) {
        if (missing != null) {
            errors.putIfAbsent(field, missing);
        }
        return null;
    }
}
