package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real HTTP for the security tests: one cookie jar per person, any method and header, never follows
 * redirects. Signs in through the login form like a browser, and speaks to Camunda's webapp API with
 * its X-XSRF-TOKEN like Tasklist does.
 */
final class StaffClient {

    static final String DEMO_PASSWORD = "demo";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrf;

    StaffClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the form and checks it worked (a redirect away from the login page). */
    StaffClient signIn(String user) {
        HttpResponse<String> response = signIn(user, DEMO_PASSWORD);
        assertThat(response.statusCode()).as("sign-in of %s", user).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).as("sign-in of %s", user).doesNotContain("error");
        return this;
    }

    HttpResponse<String> signIn(String user, String password) {
        get("/login");
        return postForm("/login", Map.of("username", user, "password", password));
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpResponse<String> response = send("GET", path, null, null, headers);
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded", body);
    }

    /** Any request; headers as name, value pairs. Sends the cookies of this client. */
    HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean accept = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            accept |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accept) {
            request.header("Accept", path.startsWith("/actuator") ? "*/*" : path.contains("/api/") || path.startsWith("/engine-rest") ? "application/json" : "text/html");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call to Camunda's webapp API as Tasklist makes it: session cookie plus the XSRF token Camunda issued. */
    HttpResponse<String> webappApi(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, "X-XSRF-TOKEN", xsrfToken());
    }

    /** The XSRF token Camunda's webapps issue when one of them (here: Welcome, open to all staff) is opened. */
    String xsrfToken() {
        if (cookie("XSRF-TOKEN") == null) {
            send("GET", "/camunda/app/welcome/default/", null, null);
        }
        return cookie("XSRF-TOKEN");
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
