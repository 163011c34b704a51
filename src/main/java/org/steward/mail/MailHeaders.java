package org.steward.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-message headers as the outbox stores them: one "Name: value" per line (values never hold line breaks). */
final class MailHeaders {

    private MailHeaders() {
    }

    static String write(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    static Map<String, String> read(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text == null) {
            return headers;
        }
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }
}
