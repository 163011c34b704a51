package org.steward.system;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Spring Boot's error controller, except that errors under /api that no controller answered (an
 * unknown address, a method the address does not take, a refusal by the security filters) are
 * problem details like every other API error (issue 7, finding 9). Pages keep the error page.
 */
@Controller
class ApiErrorController extends BasicErrorController {

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = getStatus(request);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/") || status == HttpStatus.NO_CONTENT) {
            return super.error(request);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status));
        problem.put("instance", path);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this HTTP method.";
            case UNAUTHORIZED -> "Sign in first.";
            case FORBIDDEN -> "You are signed in, but this is not open to your staff group.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case NOT_ACCEPTABLE -> "This address answers in application/json.";
            default -> status.is4xxClientError() ? "The request was refused." : "Something went wrong on our side. Please try again later.";
        };
    }
}
