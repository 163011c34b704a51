package org.steward.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A MariaDB server of the test's own: a fresh data directory under target/, a free loopback port, no grant
 * tables. Tests that restart the database or run a cluster use it, so the shared server is never touched.
 * Skips the test (an assumption) where mariadbd is not installed.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final List<String> SERVERS = List.of("/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/bin/mariadbd");
    private static final List<String> INSTALLERS = List.of("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");

    private final String server;
    private final Path dir;
    private final int port;
    private Process process;

    private PrivateMariaDb(String server, Path dir, int port) {
        this.server = server;
        this.dir = dir;
        this.port = port;
    }

    /** Initialises a data directory, starts the server and creates the database {@code steward}. */
    public static PrivateMariaDb start(String name) {
        String server = SERVERS.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        String installer = INSTALLERS.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        Assumptions.assumeTrue(server != null && installer != null, "mariadbd and mariadb-install-db are not installed");
        try {
            Path dir = Paths.get("target", "private-mariadb", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
            deleteTree(dir);
            Files.createDirectories(dir);
            List<String> install = new ArrayList<>(List.of(installer, "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
            if (isRoot()) {
                install.add("--user=root");
            }
            Process installing = new ProcessBuilder(install).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("install.log").toFile()).start();
            if (!installing.waitFor(120, TimeUnit.SECONDS) || installing.exitValue() != 0) {
                installing.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db failed, see " + dir.resolve("install.log"));
            }
            PrivateMariaDb db = new PrivateMariaDb(server, dir, freePort());
            db.startServer();
            try (Connection c = DriverManager.getConnection(db.rootUrl(""), "root", ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE steward CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            return db;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JDBC URL of the database {@code steward}, with the settings the mysql profile asks for. */
    public String jdbcUrl() {
        return rootUrl("steward");
    }

    private String rootUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "root", "");
    }

    /** CPU time the server has used so far (zero once it is gone). */
    public java.time.Duration cpuTime() {
        return process == null ? java.time.Duration.ZERO : process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Kills the server at once (SIGKILL), as a crash would: InnoDB recovers on the next start. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Starts the server again on the same data directory and port. */
    public void restart() {
        if (running()) {
            throw new IllegalStateException("still running");
        }
        startServer();
    }

    @Override
    public void close() {
        if (running()) {
            process.destroyForcibly();
            waitForExit();
        }
        deleteTree(dir.resolve("data"));
    }

    private void startServer() {
        List<String> command = new ArrayList<>(List.of(server, "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"), "--port=" + port,
                "--bind-address=127.0.0.1", "--skip-grant-tables", "--skip-name-resolve", "--log-error=" + dir.resolve("error.log"),
                "--transaction-isolation=READ-COMMITTED", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin",
                "--innodb-buffer-pool-size=128M", "--max-connections=300"));
        if (isRoot()) {
            command.add("--user=root");
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd stopped, see " + dir.resolve("error.log"));
            }
            try (Connection c = DriverManager.getConnection(rootUrl(""), "root", "")) {
                return;
            } catch (SQLException notYet) {
                sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd did not accept connections in 90 s, see " + dir.resolve("error.log"));
    }

    private void waitForExit() {
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
