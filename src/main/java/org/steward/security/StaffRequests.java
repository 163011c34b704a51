package org.steward.security;

import jakarta.servlet.http.HttpServletRequest;

/** Facts about a request that decide which security filter chain handles it. */
final class StaffRequests {

    private StaffRequests() {
    }

    /** Any Authorization header with the Basic scheme, well-formed or not: HTTP Basic then must sign the request in. */
    static boolean carriesBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.trim().regionMatches(true, 0, "Basic", 0, 5);
    }

    /** Camunda's REST API (a servlet of its own, so not matched by Spring MVC patterns). */
    static boolean isEngineRest(HttpServletRequest request) {
        String path = RequestTargets.path(request);
        return path.equals("/engine-rest") || path.startsWith("/engine-rest/");
    }

    /** Camunda's webapps, which bring their own CSRF protection and content security policy. */
    static boolean isCamundaWebapp(HttpServletRequest request) {
        return RequestTargets.path(request).startsWith("/camunda/");
    }
}
