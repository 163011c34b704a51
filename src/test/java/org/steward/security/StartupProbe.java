package org.steward.security;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts Steward as an operator would (java, a profile, arguments) in a JVM of its own, on an
 * in-memory database: for start-up refusals, and for profiles other than the test profile. Its own
 * JVM because Camunda's webapps keep static state that a second Spring context in the test JVM
 * would tear down when it closes.
 */
final class StartupProbe {

    /** A started (or refused) service; close() stops it. */
    static final class Service implements AutoCloseable {
        private final Process process;
        private final int port;
        private final StringBuffer output = new StringBuffer();
        private final CountDownLatch settled = new CountDownLatch(1);
        private volatile boolean started;

        private Service(Process process, int port) {
            this.process = process;
            this.port = port;
            Thread reader = new Thread(this::read, "steward-probe-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains("Started StewardApplication")) {
                        started = true;
                        settled.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process was stopped
            } finally {
                settled.countDown();
            }
        }

        /**
         * Waits until the service has started or given up; once started, until it is ready for traffic. "Started" is
         * logged before the ApplicationReadyEvent listeners (the first administrator's Steward membership) have run;
         * readiness turns ACCEPTING_TRAFFIC only after them, as a load balancer would wait for.
         */
        Service awaitStart() {
            try {
                settled.await(240, TimeUnit.SECONDS);
                if (started) {
                    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (System.nanoTime() < until && process.isAlive()) {
                        try {
                            if (client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            "http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                                break;
                            }
                        } catch (IOException notYet) {
                            // not answering yet
                        }
                        Thread.sleep(200);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return this;
        }

        boolean started() {
            return started;
        }

        int port() {
            return port;
        }

        String output() {
            return output.toString();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private StartupProbe() {
    }

    /** Starts and waits; the caller closes the service. */
    static Service start(String... arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", classPath(),
                "org.steward.StewardApplication",
                "--server.port=" + port, "--spring.mail.port=" + freePort(),
                "--spring.datasource.url=jdbc:h2:mem:probe;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--camunda.bpm.job-execution.enabled=false", "--steward.outbox.scheduler.enabled=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("STEWARD_") || name.startsWith("SPRING_"));
        try {
            return new Service(builder.start(), port).awaitStart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts, and stops again at once: did it start, and what did it say? */
    static Service run(String... arguments) {
        Service service = start(arguments);
        service.close();
        return service;
    }

    /** The test class path without duplicates (the same bpmn/ twice would be two deployments of one key). */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, new LinkedHashSet<>(Arrays.asList(path.split(File.pathSeparator))));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
