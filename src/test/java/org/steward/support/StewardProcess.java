package org.steward.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Steward instance in a JVM of its own (the test's classpath, the test profile with the job executor and
 * the outbox poller on), so a test can run several against one database and kill one with SIGKILL. Its log
 * goes to target/steward-instances/NAME.log.
 */
public final class StewardProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Instant started = Instant.now();
    private Duration startUp;

    private StewardProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts an instance named {@code name} (also its job executor's lock owner), sending mail to {@code smtpPort}
     * on loopback; {@code properties} override anything (e.g. spring.datasource.url). Returns once it is starting.
     */
    public static StewardProcess start(String name, int smtpPort, Map<String, String> properties, String... jvmOptions) {
        int port = PrivateMariaDb.freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("spring.profiles.active", "test");
        all.put("server.port", String.valueOf(port));
        all.put("steward.test.smtp-port", String.valueOf(smtpPort));
        all.put("steward.instance-name", name);
        all.put("camunda.bpm.job-execution.enabled", "true");
        all.put("steward.outbox.scheduler.enabled", "true");
        all.put("steward.outbox.poll-interval", "PT1S");
        all.put("spring.datasource.username", "root");
        all.put("spring.datasource.password", "");
        all.putAll(properties);
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(classPath());
        command.add("org.steward.StewardApplication");
        all.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path dir = Paths.get("target", "steward-instances").toAbsolutePath();
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            // Run in its own folder: an empty class path entry would otherwise put the project root (and bpmn/) on it.
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new StewardProcess(name, port, log, process);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test JVM's class path, every entry absolute and none empty, without the browser and container test tools:
     * Selenium brings an OpenTelemetry SDK, which Spring Boot and the MySQL driver would switch on in the service
     * (a span per statement, a log exporter thread), so the service measured would not be the one deployed.
     */
    private static final List<String> TEST_TOOLS = List.of("/io/opentelemetry/", "/org/seleniumhq/", "/org/testcontainers/");

    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !entry.equals("."))
                .filter(entry -> TEST_TOOLS.stream().noneMatch(tool -> entry.replace('\\', '/').contains(tool)))
                .map(entry -> Paths.get(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Waits until the health endpoint answers 200; fails with the log's end if the JVM stops first. */
    public StewardProcess awaitReady(Duration patience) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Steward " + name + " stopped during start-up:\n" + logTail(60));
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    startUp = Duration.between(started, Instant.now());
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Steward " + name + " not ready in " + patience + ":\n" + logTail(60));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** From launch until the health endpoint first answered. */
    public Duration startUp() {
        return startUp;
    }

    /** kill -9: no shutdown hook, no job executor stop, connections cut. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** CPU time the JVM has used so far, all its threads (JIT compiler and GC included). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU time per kind of thread so far (Linux /proc; thread names with their numbers left out, e.g. "C2 CompilerThread",
     * "http-nio-exec-"), in ms; empty where /proc is not there. Threads that ended are not in it.
     */
    public Map<String, Long> threadCpuMillis() {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        Path tasks = Paths.get("/proc", String.valueOf(pid()), "task");
        long ticksPerSecond = 100; // USER_HZ, 100 on Linux
        try (var threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip().replaceAll("[0-9]+", "").replaceAll("\\.+", ".");
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    byKind.merge(name, ticks * 1000 / ticksPerSecond, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byKind;
    }

    /** Runs {@code jcmd <pid> args...} and returns what it printed (e.g. JFR.start, GC.heap_info). */
    public String jcmd(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid())));
            command.addAll(List.of(args));
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Heap in use, as jcmd reports it after a full GC would be too invasive: "used" of GC.heap_info, in MB. */
    public long heapUsedMb() {
        // The first "used" figure of each heap line is the heap's total use (G1: "garbage-first heap ... used NK").
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
