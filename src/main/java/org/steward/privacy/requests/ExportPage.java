package org.steward.privacy.requests;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.HtmlUtils;

/** DSR-9: the human-readable page of an export: one table per place of the register. */
final class ExportPage {

    private ExportPage() {
    }

    static String render(long requestId, Instant createdAt, Map<String, List<Map<String, Object>>> found) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<title>What we hold about you</title><style>body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto}"
                + "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;"
                + "vertical-align:top}</style></head><body><h1>What we hold about you</h1>");
        html.append("<p>Export for request #").append(requestId).append(", made ").append(createdAt).append(".</p>");
        if (found.isEmpty()) {
            html.append("<p>We hold no personal data about this address.</p>");
        }
        found.forEach((place, rows) -> {
            html.append("<h2>").append(escape(place)).append("</h2><table><tr>");
            Set<String> columns = new LinkedHashSet<>();
            rows.forEach(row -> columns.addAll(row.keySet()));
            columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
            html.append("</tr>");
            for (Map<String, Object> row : rows) {
                html.append("<tr>");
                columns.forEach(c -> html.append("<td>").append(escape(row.get(c) == null ? "" : String.valueOf(row.get(c)))).append("</td>"));
                html.append("</tr>");
            }
            html.append("</table>");
        });
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
