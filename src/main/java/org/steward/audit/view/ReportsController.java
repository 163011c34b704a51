package org.steward.audit.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The compliance reports (AUD-4): each a page with a period filter, and {@code ?format=csv} (or
 * {@code /report.csv}) for the CSV, written to the response row by row.
 */
@Controller
@PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_admins')")
class ReportsController {

    /** The page shows this many rows; the CSV has them all. */
    static final int PAGE_ROWS = 500;

    private final BreachReport breach;
    private final ApplicationFunnel funnel;
    private final RequestReport requests;
    private final ConsentReport consents;

    ReportsController(BreachReport breach, ApplicationFunnel funnel, RequestReport requests, ConsentReport consents) {
        this.breach = breach;
        this.funnel = funnel;
        this.requests = requests;
        this.consents = consents;
    }

    @GetMapping({"/audit/reports/requests", "/audit/reports/requests/report.csv"})
    String requests(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String format, jakarta.servlet.http.HttpServletRequest request,
                    HttpServletResponse response, Model model) throws IOException {
        Period period = Period.parse(from, to);
        if (csv(format, request)) {
            Csv csv = Csv.download(response, "request-deadlines.csv", RequestReport.HEADER);
            requests.forEachRow(period, row -> write(csv, RequestReport.fields(row)));
            csv.flush();
            return null;
        }
        List<org.steward.audit.RequestCompliance.Request> rows = new ArrayList<>();
        long[] counts = new long[org.steward.audit.CaseDeadlines.Outcome.values().length];
        requests.forEachRow(period, row -> {
            counts[row.deadline().ordinal()]++;
            if (rows.size() < PAGE_ROWS) {
                rows.add(row);
            }
        });
        java.util.Map<String, Long> outcomes = new java.util.LinkedHashMap<>();
        for (org.steward.audit.CaseDeadlines.Outcome outcome : org.steward.audit.CaseDeadlines.Outcome.values()) {
            outcomes.put(outcome.name(), counts[outcome.ordinal()]);
        }
        period(model, period);
        model.addAttribute("rows", rows);
        model.addAttribute("outcomes", outcomes);
        return "audit/report-requests";
    }

    @GetMapping({"/audit/reports/consents", "/audit/reports/consents/report.csv"})
    String consents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String format, jakarta.servlet.http.HttpServletRequest request,
                    HttpServletResponse response, Model model) throws IOException {
        Period period = Period.parse(from, to);
        List<org.steward.audit.ConsentStates.PurposeState> rows = consents.rows(period);
        if (csv(format, request)) {
            Csv csv = Csv.download(response, "consent-by-purpose.csv", ConsentReport.HEADER);
            rows.forEach(row -> write(csv, ConsentReport.fields(row)));
            csv.flush();
            return null;
        }
        period(model, period);
        model.addAttribute("rows", rows);
        return "audit/report-consents";
    }

    @GetMapping({"/audit/reports/breach", "/audit/reports/breach/report.csv"})
    String breach(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String format, jakarta.servlet.http.HttpServletRequest request,
                  HttpServletResponse response, Model model) throws IOException {
        Period period = Period.parse(from, to);
        if (csv(format, request)) {
            Csv csv = Csv.download(response, "breach-deadlines.csv", BreachReport.HEADER);
            breach.forEachRow(period, row -> write(csv, row.fields()));
            csv.flush();
            return null;
        }
        List<BreachReport.Row> rows = new ArrayList<>();
        breach.forEachRow(period, row -> { if (rows.size() < PAGE_ROWS) rows.add(row); });
        period(model, period);
        model.addAttribute("rows", rows);
        return "audit/report-breach";
    }

    @GetMapping({"/audit/reports/applications", "/audit/reports/applications/report.csv"})
    String applications(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String format, jakarta.servlet.http.HttpServletRequest request,
                        HttpServletResponse response, Model model) throws IOException {
        Period period = Period.parse(from, to);
        if (csv(format, request)) {
            Csv csv = Csv.download(response, "application-funnel.csv", ApplicationFunnel.HEADER);
            funnel.forEachRow(period, row -> write(csv, row.fields()));
            csv.flush();
            return null;
        }
        // Two queries whatever the size of the history: the counts added up by the database, and the first rows.
        period(model, period);
        model.addAttribute("summary", funnel.summary(period));
        model.addAttribute("rows", funnel.firstRows(period, PAGE_ROWS));
        return "audit/report-applications";
    }

    private static boolean csv(String format, jakarta.servlet.http.HttpServletRequest request) {
        if (format != null && !format.isBlank() && !format.equals("csv") && !format.equals("html")) {
            throw new BadAuditRequest("The format is \"csv\" (or left empty for the page).");
        }
        return "csv".equals(format) || request.getRequestURI().endsWith("/report.csv");
    }

    private static void period(Model model, Period period) {
        model.addAttribute("from", period.fromText());
        model.addAttribute("to", period.toText());
        model.addAttribute("pageRows", PAGE_ROWS);
    }

    private static void write(Csv csv, List<Object> fields) {
        try {
            csv.row(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
