package org.steward.application.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.application.ApplicationIntake;
import org.steward.application.ApplicationRequest;
import org.steward.application.ApplicationReviews;
import org.steward.system.InvalidInputException;

@RestController
class ApplicationApiController {

    private final ApplicationIntake intake;
    private final ApplicationReviews reviews;
    private final ApplicationRateLimits rateLimits;

    ApplicationApiController(ApplicationIntake intake, ApplicationReviews reviews, ApplicationRateLimits rateLimits) {
        this.intake = intake;
        this.reviews = reviews;
        this.rateLimits = rateLimits;
    }

    /**
     * Public: submit an application (APP-1). 201 with the id; 400/409 with problem details; 429 with
     * Retry-After over the rate limit (issue 7 finding 6). The applicant then confirms their address
     * through the link we email them; only then are the referees asked.
     */
    @PostMapping("/api/applications")
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody ApplicationRequest request, HttpServletRequest http) {
        Map<String, String> broken = intake.ruleViolations(request);
        if (!broken.isEmpty()) {
            throw new InvalidInputException(broken); // refused before it counts against the rate limit
        }
        rateLimits.take(http.getRemoteAddr(), request.email());
        long id = intake.submit(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", "AWAITING_EMAIL_CONFIRMATION");
        body.put("next", "Confirm your email address with the link we have emailed you; then we ask your referees.");
        return ResponseEntity.created(URI.create("/api/staff/applications/" + id)).body(body);
    }

    /** What the review form in Tasklist shows, fetched by id so it never enters process variables. */
    @GetMapping("/api/staff/applications/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    ApplicationReviews.ApplicationReview review(@PathVariable long id) {
        return reviews.review(id);
    }

    @ExceptionHandler(TooManyApplications.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyApplications e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many applications");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
