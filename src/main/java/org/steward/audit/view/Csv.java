package org.steward.audit.view;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

/**
 * RFC 4180 CSV for the reports (AUD-4): CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break (quotes doubled), UTF-8. Rows are written straight to the response as they come.
 */
final class Csv {

    private final Writer out;

    private Csv(Writer out) {
        this.out = out;
    }

    /** Sets the headers of a CSV download named {@code filename} and writes the header row. */
    static Csv download(HttpServletResponse response, String filename, List<String> header) throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        Csv csv = new Csv(response.getWriter());
        csv.row(header);
        return csv;
    }

    static Csv to(Writer out) {
        return new Csv(out);
    }

    void row(List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
