package org.steward.system.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** The character rules behind {@link SingleLine} and {@link FreeText}; usable directly by services. */
public final class PlainTextValidator {

    private PlainTextValidator() {
    }

    /** True when the text holds no character that hides or reorders what a reader sees. */
    public static boolean isPlainText(String value, boolean multiLine) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || isInvisibleFormatting(c)) {
                return false;
            }
        }
        return true;
    }

    /** Bidi embeddings, overrides and isolates; zero-width spaces, joiners and marks; the BOM. */
    private static boolean isInvisibleFormatting(char c) {
        return (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2069')
                || c == '\uFEFF' || c == '\u061C' || c == '\u00AD';
    }

    public static class SingleLineValidator implements ConstraintValidator<SingleLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isPlainText(value, false);
        }
    }

    public static class FreeTextValidator implements ConstraintValidator<FreeText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isPlainText(value, true);
        }
    }
}
