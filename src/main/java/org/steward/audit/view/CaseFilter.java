package org.steward.audit.view;

import java.util.Map;

/**
 * What the case list is filtered by (AUD-2): a process definition key (or all), running or completed
 * (or both), a period the case started in, only cases with a deadline missed, and the page.
 */
record CaseFilter(String process, String state, Period period, boolean deadlineMissed, int page) {

    static final int PAGE_SIZE = 50;

    static CaseFilter parse(String process, String state, String from, String to, String missed, String page,
                            Map<String, String> processes) {
        String key = blank(process) ? null : process.strip();
        if (key != null && !processes.containsKey(key)) {
            throw new BadAuditRequest("There is no process \"" + key.replaceAll("[^A-Za-z0-9_-]", "?") + "\": choose one from the list.");
        }
        String st = blank(state) ? null : state.strip();
        if (st != null && !st.equals("running") && !st.equals("completed")) {
            throw new BadAuditRequest("The state is \"running\" or \"completed\" (or left empty for both).");
        }
        int number = 1;
        if (!blank(page)) {
            try {
                number = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1 || number > 1_000_000) {
                throw new BadAuditRequest("The page is a number from 1.");
            }
        }
        boolean onlyMissed = "true".equals(missed) || "on".equals(missed);
        return new CaseFilter(key, st, Period.parse(from, to), onlyMissed, number);
    }

    int firstResult() {
        return (page - 1) * PAGE_SIZE;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
