package org.steward.system;

/** Small text clean-ups for user input. */
public final class Text {

    private Text() {
    }

    /** Trimmed text, or null when there is nothing but white space. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
