package org.steward.audit.view;

import java.time.Duration;

/** Durations in words for the timeline (issue 13): "2 h 5 min", "3 d 4 h", "40 s"; the two largest units only. */
final class Words {

    private Words() {
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.abs(duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        String text;
        if (days > 0) {
            text = days + " d" + (hours > 0 ? " " + hours + " h" : "");
        } else if (hours > 0) {
            text = hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        } else if (minutes > 0) {
            text = minutes + " min" + (rest > 0 ? " " + rest + " s" : "");
        } else {
            text = rest + " s";
        }
        return duration.isNegative() ? "-" + text : text;
    }
}
