package org.steward.application.web;

import java.util.Map;

import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * A value that does not fit its field (letters in a year, an unknown kind) becomes a message a person
 * reads next to the field, never Spring's "Failed to convert java.lang.String ..." (issue 7 finding 10).
 * The typed value stays in the field.
 */
class ReadableBindingErrors extends DefaultBindingErrorProcessor {

    private final Map<String, String> messages;
    private final String otherwise;

    ReadableBindingErrors(Map<String, String> messages, String otherwise) {
        this.messages = messages;
        this.otherwise = otherwise;
    }

    @Override
    public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
        String field = ex.getPropertyName();
        if (field == null || bindingResult.hasFieldErrors(field)) {
            return;
        }
        bindingResult.addError(new FieldError(bindingResult.getObjectName(), field, ex.getValue(), true,
                null, null, messages.getOrDefault(field, otherwise)));
    }
}
