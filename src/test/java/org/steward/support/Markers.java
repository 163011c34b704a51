package org.steward.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique markers for text a test types and later looks for. They are drawn from letters outside
 * 0-9a-f, so a marker can never turn up inside an engine id (a UUID): a search of the history for a
 * hex marker once "found" one in {@code act_hi_op_log.id_}.
 */
public final class Markers {

    private static final String LETTERS = "ghjkmnpqrstuvwxyz";

    private Markers() {
    }

    /** Eight letters none of which is a hex digit, e.g. {@code "kqzmtwhr"}. */
    public static String unique() {
        StringBuilder marker = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            marker.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
        }
        return marker.toString();
    }

    /** True when {@code text} could be part of an engine id, so finding it in history would prove nothing. */
    static boolean couldBePartOfAnId(String text) {
        return text.matches("[0-9a-fA-F-]*");
    }
}
