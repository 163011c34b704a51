package org.steward.tasks;

/**
 * Business keys name the case a process instance works on, prefixed per process
 * ({@code application-42}, {@code incident-7}), so two kinds of case never share a key. The key is
 * immutable once the instance starts: it, not a writable variable, tells a task which case it is about.
 */
public final class CaseKey {

    private CaseKey() {
    }

    public static String of(String kind, long id) {
        return kind + "-" + id;
    }

    /** The case id inside a business key of the given kind; refuses a key of another kind. */
    public static long idOf(String businessKey, String kind) {
        String prefix = kind + "-";
        if (businessKey == null || !businessKey.startsWith(prefix)) {
            throw new IllegalArgumentException("Not a " + kind + " case: " + businessKey);
        }
        try {
            return Long.parseLong(businessKey.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a " + kind + " case: " + businessKey, e);
        }
    }
}
