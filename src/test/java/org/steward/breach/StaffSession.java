package org.steward.breach;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member signed in with the login form, as Tasklist's forms run: the session cookie, no
 * Authorization header, and CSRF tokens sent the way the browser sends them (Spring's header for
 * Steward's API, Camunda's X-XSRF-TOKEN for /camunda/api).
 */
final class StaffSession {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private StaffSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static StaffSession signIn(int port, String user) {
        StaffSession session = new StaffSession(port);
        Matcher csrf = FORM_CSRF.matcher(session.send(HttpRequest.newBuilder(session.uri("/login")).GET().build()).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc(user) + "&password=demo&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed for " + user);
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
    }

    /** A JSON POST carrying a CSRF header, as the forms' synchronous XHR does. */
    HttpResponse<String> postJson(String path, String json, String csrfHeader, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfHeader != null) {
            request.header(csrfHeader, csrfToken);
        }
        return send(request.build());
    }

    /** Camunda's webapp CSRF token, set as a cookie once Tasklist is opened. */
    String camundaXsrfToken() {
        send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build());
        send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/")).header("Accept", "application/json").GET().build());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
