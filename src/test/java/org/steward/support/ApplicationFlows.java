package org.steward.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applications driven the way people drive them, over HTTP only: the applicant submits and confirms their
 * address through the mailed link, the one referee answers through theirs, program staff (peter) complete
 * *Review application* through the engine's REST API as Tasklist does (input to Steward's task API, then
 * submit-form), and the flow ends when the approval mail reaches the sink. Each flow runs on a thread of its
 * own, at most {@code concurrency} at a time; one staff thread works the review queue.
 */
public final class ApplicationFlows {

    public static final String APPROVED = "Your application has been approved";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One flow's times and id. */
    public record Flow(String applicant, long applicationId, Instant submitted, Instant approvalMail) {
        public Duration latency() {
            return Duration.between(submitted, approvalMail);
        }
    }

    /** What the run did. */
    public record Result(List<Flow> flows, List<String> failures, int reviewsCompleted, Instant started, Instant finished) {
    }

    private final ClusterClient http;
    private final MailIndex mail;
    private final String tag;
    private final Function<String, Long> idByEmail;
    private final Duration patience;

    /**
     * @param idByEmail finds an application's id when a submit was answered by a dropped connection but stored
     *                  (the retry then gets 409); may be null where that cannot happen
     */
    public ApplicationFlows(ClusterClient http, MailIndex mail, String tag, Function<String, Long> idByEmail, Duration patience) {
        this.http = http;
        this.mail = mail;
        this.tag = tag;
        this.idByEmail = idByEmail;
        this.patience = patience;
    }

    /** Runs {@code count} flows, {@code concurrency} at a time, and returns when all ended (or failed). */
    public Result run(int count, int concurrency) throws InterruptedException {
        Instant started = Instant.now();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Flow> flows = new ArrayList<>();
        Set<String> reviewed = ConcurrentHashMap.newKeySet();
        AtomicInteger open = new AtomicInteger(count);
        Thread staff = new Thread(() -> workReviewQueue(open, reviewed, failures), "staff-" + tag);
        staff.setDaemon(true);
        staff.start();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Flow>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                try {
                    return drive(n);
                } finally {
                    open.decrementAndGet();
                }
            }));
        }
        pool.shutdown();
        for (Future<Flow> future : futures) {
            try {
                flows.add(future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        pool.awaitTermination(1, TimeUnit.MINUTES);
        staff.join(10_000);
        return new Result(flows, List.copyOf(failures), reviewed.size(), started, Instant.now());
    }

    private Flow drive(int n) {
        String applicant = "applicant-" + tag + "-" + n + "@example.org";
        String referee = "referee-" + tag + "-" + n + "@example.org";
        Instant submitted = Instant.now();
        long id = submit(applicant, referee);

        String confirm = mail.await(applicant, "Please confirm your email address", patience).link("/links/confirm-email/");
        expectDone(http.openAndPost(confirm, Map.of()), "confirm " + applicant);

        String reference = mail.await(referee, "Would you give a reference?", patience).link("/links/reference/");
        expectDone(http.openAndPost(reference, Map.of("recommendation", "RECOMMEND", "knownForYears", "4",
                "comments", "Reliable.")), "reference for " + applicant);

        MailIndex.Received approved = mail.await(applicant, APPROVED, patience);
        return new Flow(applicant, id, submitted, approved.seenAt());
    }

    private long submit(String applicant, String referee) {
        String json = """
                {"kind":"MENTOR","name":"Ana Lima","email":"%s","birthYear":1985,"postalCode":"10115",
                 "industry":"Software","expertise":"Scaling engineering teams","languages":["English"],
                 "referees":[{"name":"Rui Costa","email":"%s","relationship":"Former manager"}]}""".formatted(applicant, referee);
        HttpResponse<String> response = http.postJson("/api/applications", json, null);
        if (response.statusCode() == 201) {
            Matcher m = ID.matcher(response.body());
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        if (response.statusCode() == 409 && idByEmail != null) {
            // An earlier attempt was stored, but its answer was lost with the connection.
            return idByEmail.apply(applicant);
        }
        throw new IllegalStateException("submit " + applicant + ": " + response.statusCode() + " " + response.body());
    }

    /** 200 acted; 410 means an earlier attempt already acted (its answer lost with the connection). */
    private static void expectDone(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200 && response.statusCode() != 410) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** Program staff: list the open review tasks, complete each with APPROVE, again until every flow is done. */
    private void workReviewQueue(AtomicInteger open, Set<String> reviewed, ConcurrentLinkedQueue<String> failures) {
        while (open.get() > 0) {
            try {
                HttpResponse<String> list = http.getJson("/engine-rest/task?processDefinitionKey=ApplicationApprovalProcess"
                        + "&taskDefinitionKey=Task_ReviewApplication&maxResults=500", "peter");
                int done = 0;
                if (list.statusCode() == 200) {
                    for (JsonNode task : JSON.readTree(list.body())) {
                        String taskId = task.get("id").asText();
                        if (reviewed.contains(taskId)) {
                            continue;
                        }
                        HttpResponse<String> input = http.postJson("/api/staff/tasks/" + taskId + "/input", "{\"decision\":\"APPROVE\"}", "peter");
                        if (input.statusCode() == 200) {
                            HttpResponse<String> completed = http.postJson("/engine-rest/task/" + taskId + "/submit-form",
                                    "{\"variables\":{}}", "peter");
                            if (completed.statusCode() == 204 || completed.statusCode() == 404) {
                                reviewed.add(taskId);
                                done++;
                            }
                        } else if (input.statusCode() == 404) {
                            reviewed.add(taskId); // completed by an attempt whose answer was lost
                        }
                    }
                }
                if (done == 0) {
                    Thread.sleep(MailIndex.INBOX_CHECK.toMillis()); // as often as people look at their inbox
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.add("staff: " + e);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** p-th percentile (0-100) of the flows' submit-to-approval-mail latency. */
    public static Duration percentile(List<Flow> flows, double p) {
        List<Duration> sorted = flows.stream().map(Flow::latency).sorted().toList();
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * Flows per second in steady state: approval mails in the middle 80 % of the run (first 10 % and last 10 % of
     * completions left out, so start-up ramp and tail do not count).
     */
    public static double steadyRate(List<Flow> flows) {
        List<Instant> done = flows.stream().map(Flow::approvalMail).sorted().toList();
        if (done.size() < 10) {
            return done.size() / Math.max(0.001, Duration.between(flows.get(0).submitted(), done.get(done.size() - 1)).toMillis() / 1000.0);
        }
        int from = done.size() / 10;
        int to = done.size() - 1 - done.size() / 10;
        double seconds = Duration.between(done.get(from), done.get(to)).toMillis() / 1000.0;
        return (to - from) / Math.max(0.001, seconds);
    }
}
