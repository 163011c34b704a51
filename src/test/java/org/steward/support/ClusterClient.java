package org.steward.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTTP to whichever Steward instances are up, as a client behind a load balancer sees them: a refused or cut
 * connection is tried on the next instance, a 503 (database away) again after a pause. Every status seen is
 * counted, and anything else in the 5xx range is kept as a finding. A link page's GET and its POST go to one
 * instance (its CSRF token lives in that instance's session).
 */
public final class ClusterClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final Supplier<List<String>> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder connectionFailures = new LongAdder();
    private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final HttpClient shared = client().cookieHandler(new CookieManager()).build();
    /** Link visits: no cookie jar shared between them; each carries its own session cookie by hand. */
    private final HttpClient links = client().build();

    public ClusterClient(Supplier<List<String>> instances) {
        this.instances = instances;
    }

    public HttpResponse<String> postJson(String path, String json, String user) {
        return call(shared, base -> request(base, path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> getJson(String path, String user) {
        return call(shared, base -> request(base, path, user).GET().build());
    }

    public HttpResponse<String> putJson(String path, String json, String user) {
        return call(shared, base -> request(base, path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Opens a link page and posts its form (with the page's CSRF token) on the same instance, as a browser would that
     * was just opened from the mail: a session of its own, started by the GET and carried to the POST. The connections
     * come from one client shared by every link visit; a client per visit left a selector thread behind each time,
     * thousands of them in a benchmark run, all on the cores the service under test needs.
     */
    public HttpResponse<String> openAndPost(String path, Map<String, String> fields) {
        Instant until = Instant.now().plus(PATIENCE);
        while (true) {
            String base = pick();
            try {
                HttpResponse<String> page = links.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                count(page, "GET " + path);
                if (page.statusCode() == 503) {
                    pause(until, "GET " + path);
                    continue;
                }
                Matcher m = CSRF.matcher(page.body());
                if (page.statusCode() != 200 || !m.find()) {
                    return page;
                }
                Map<String, String> all = new LinkedHashMap<>(fields);
                all.put("_csrf", m.group(1));
                String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"));
                HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30));
                String session = sessionCookies(page);
                if (!session.isEmpty()) {
                    post.header("Cookie", session);
                }
                HttpResponse<String> posted = links.send(post.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                count(posted, "POST " + path);
                if (posted.statusCode() == 503) {
                    pause(until, "POST " + path);
                    continue;
                }
                return posted;
            } catch (IOException e) {
                connectionFailures.increment();
                pause(until, path + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The cookies a response set, as a request's Cookie header ("name=value; name=value"). */
    private static String sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(header -> header.split(";", 2)[0].trim())
                .collect(Collectors.joining("; "));
    }

    /** How many responses had each status. */
    public Map<Integer, Long> statuses() {
        return statuses.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }

    public long connectionFailures() {
        return connectionFailures.sum();
    }

    /** Responses with a 5xx status other than 503: each a finding. */
    public List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    private HttpResponse<String> call(HttpClient client, java.util.function.Function<String, HttpRequest> build) {
        Instant until = Instant.now().plus(PATIENCE);
        while (true) {
            HttpRequest request = build.apply(pick());
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                count(response, request.method() + " " + request.uri().getPath());
                if (response.statusCode() != 503) {
                    return response;
                }
                pause(until, request.uri().getPath());
            } catch (IOException e) {
                connectionFailures.increment();
                pause(until, request.uri().getPath() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void count(HttpResponse<String> response, String what) {
        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
        if (response.statusCode() >= 500 && response.statusCode() != 503) {
            serverErrors.add(response.statusCode() + " " + what + ": " + abbreviate(response.body()));
        }
    }

    private String pick() {
        List<String> up = instances.get();
        if (up.isEmpty()) {
            throw new IllegalStateException("no Steward instance is up");
        }
        return up.get(Math.floorMod(next.getAndIncrement(), up.size()));
    }

    private static HttpRequest.Builder request(String base, String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static void pause(Instant until, String what) {
        if (Instant.now().isAfter(until)) {
            throw new IllegalStateException("gave up after " + PATIENCE + ": " + what);
        }
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient.Builder client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
    }
}
