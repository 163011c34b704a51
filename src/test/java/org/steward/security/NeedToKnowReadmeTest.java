package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.steward.security.AuthorizationMatrixTest.Expect;
import org.steward.security.AuthorizationMatrixTest.Row;
import org.steward.security.AuthorizationMatrixTest.Who;

/**
 * The README's need-to-know matrix (AUD-1) is {@link AuthorizationMatrixTest}'s table, written out: a row added,
 * changed or removed in one and not the other fails here. On failure the message holds the block to paste.
 */
class NeedToKnowReadmeTest {

    static final String START = "<!-- need-to-know matrix: generated from AuthorizationMatrixTest, checked by NeedToKnowReadmeTest -->";
    static final String END = "<!-- end of the need-to-know matrix -->";

    @Test
    void theReadmeMatrix_isTheOneTheTestWalks() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the matrix block starting with %s", START).isNotNegative();
        assertThat(end).as("README.md closes the matrix block with %s", END).isGreaterThan(start);
        String written = readme.substring(start + START.length(), end).strip();
        String expected = table(AuthorizationMatrixTest.rows());
        assertThat(written).as("README.md's need-to-know matrix differs from AuthorizationMatrixTest; the block should be:%n%s%n%s%n%s",
                START, expected, END).isEqualTo(expected);
    }

    static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("| what | kind | request | anonymous | program staff | privacy officers "
                + "| security officers | auditors | admins | operators |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| ").append(row.name().replace("|", "\\|")).append(" | ").append(kind(row)).append(" | `")
                    .append(row.method()).append(' ').append(row.path().replace("999999", "{id}")).append("` | ")
                    .append(List.of(Who.values()).stream().map(who -> cell(row.expected().get(who))).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        return table.toString().strip();
    }

    private static String kind(Row row) {
        String path = row.path();
        if (path.startsWith("/engine-rest/filter")) {
            return "Tasklist filter";
        }
        if (path.startsWith("/engine-rest") || path.startsWith("/camunda/api")) {
            return "engine REST";
        }
        if (path.startsWith("/camunda/app")) {
            return "webapp";
        }
        return path.startsWith("/api/") ? "API" : "page";
    }

    /** Allowed in (the request may still be refused on its merits: 400, or 404 for an unknown id) or refused, and how. */
    private static String cell(Expect expect) {
        if (expect == null) {
            return "";
        }
        return switch (expect) {
            case OK, INVALID, NOT_FOUND -> "yes";
            case LISTED -> "yes, listed";
            case NOT_LISTED -> "not listed";
            case HIDDEN -> "no (404)";
            case FORBIDDEN -> "no (403)";
            case UNAUTHENTICATED -> "no (401)";
            case SIGN_IN -> "sign-in";
            case OWN_LANDING -> "own page";
            case PENDING -> "pending";
        };
    }
}
