package org.steward.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** docs/mysql-grants.sql read as statements, and steward_app's privileges per table (AUD-3). */
final class GrantsFile {

    static final Path PATH = Path.of("docs", "mysql-grants.sql");
    static final String SCHEMA = "steward";
    static final String APP_USER = "steward_app";
    static final String OWNER_USER = "steward_owner";

    private static final Pattern TABLE_GRANT = Pattern.compile(
            "GRANT\\s+(.+?)\\s+ON\\s+" + SCHEMA + "\\.(\\w+)\\s+TO\\s+'" + APP_USER + "'@'%'", Pattern.CASE_INSENSITIVE);

    private GrantsFile() {
    }

    /** Every statement of the file, comments removed, without the closing semicolon. */
    static List<String> statements() {
        String text;
        try {
            text = Files.readString(PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = text.lines().map(line -> line.replaceFirst("--.*$", "")).collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("\\s+", " ")).toList();
    }

    /** steward_app's privileges by table name as the file writes it; a table granted twice fails. */
    static Map<String, Set<String>> appPrivileges() {
        Map<String, Set<String>> byTable = new LinkedHashMap<>();
        for (String statement : statements()) {
            Matcher m = TABLE_GRANT.matcher(statement);
            if (!m.matches()) {
                continue;
            }
            Set<String> privileges = Arrays.stream(m.group(1).split(",")).map(p -> p.trim().toUpperCase(Locale.ROOT))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (byTable.put(m.group(2), privileges) != null) {
                throw new IllegalStateException(m.group(2) + " is granted twice in " + PATH);
            }
        }
        return byTable;
    }

    /** The statements that create steward_app and grant it its privileges, for {@code schema} and {@code user}. */
    static List<String> appStatementsFor(String schema, String user, String password) {
        return statements().stream().filter(s -> s.contains("'" + APP_USER + "'@"))
                .map(s -> s.replace(" " + SCHEMA + ".", " `" + schema + "`.").replace("'" + APP_USER + "'@", "'" + user + "'@")
                        .replace("'change-me-app'", "'" + password + "'"))
                .toList();
    }
}
