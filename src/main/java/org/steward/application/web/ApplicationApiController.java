package org.steward.application.web;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.application.ApplicationRequest;
import org.steward.application.ApplicationIntake;
import org.steward.application.ApplicationReviews;

@RestController
class ApplicationApiController {

    private final ApplicationIntake intake;
    private final ApplicationReviews reviews;

    ApplicationApiController(ApplicationIntake intake, ApplicationReviews reviews) {
        this.intake = intake;
        this.reviews = reviews;
    }

    /** Public: submit an application (APP-1). 201 with the id; 400/409 with problem details. */
    @PostMapping("/api/applications")
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody ApplicationRequest request) {
        long id = intake.submit(request);
        return ResponseEntity.created(URI.create("/api/staff/applications/" + id)).body(Map.of("id", id));
    }

    /** What the review form in Tasklist shows, fetched by id so it never enters process variables. */
    @GetMapping("/api/staff/applications/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    ApplicationReviews.ApplicationReview review(@PathVariable long id) {
        return reviews.review(id);
    }
}
