package org.steward.privacy.deactivation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.steward.privacy.deactivation.Deactivations;

/**
 * The pages behind a member's links (DSR-6): manage membership (deactivate) and reactivate. GET only shows;
 * POST acts and uses the link up. A used, expired, unknown or tampered link, or one whose member is gone,
 * gets the "link not valid" page.
 */
@Controller
class MembershipLinkController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Deactivations deactivations;

    MembershipLinkController(Deactivations deactivations) {
        this.deactivations = deactivations;
    }

    @GetMapping(MembershipLinks.MANAGE_PATH + "{token}")
    String manage(@PathVariable String token, Model model) {
        model.addAttribute("membership", deactivations.checkManageLink(token));
        model.addAttribute("retentionMonths", deactivations.retentionDescription());
        return "links/manage-membership";
    }

    @PostMapping(MembershipLinks.MANAGE_PATH + "{token}")
    String deactivate(@PathVariable String token, Model model) {
        model.addAttribute("retainUntil", day(deactivations.deactivateThroughLink(token).retainUntil()));
        return "links/membership-deactivated";
    }

    @GetMapping(MembershipLinks.REACTIVATION_PATH + "{token}")
    String confirmReactivation(@PathVariable String token, Model model) {
        Deactivations.ReactivationPage page = deactivations.checkReactivationLink(token);
        model.addAttribute("name", page.name());
        model.addAttribute("retainUntil", day(page.retainUntil()));
        return "links/reactivate-membership";
    }

    @PostMapping(MembershipLinks.REACTIVATION_PATH + "{token}")
    String reactivate(@PathVariable String token) {
        deactivations.reactivateThroughLink(token);
        return "links/membership-reactivated";
    }

    private static String day(Instant instant) {
        return instant == null ? null : DAY.format(instant.atZone(ZoneOffset.UTC));
    }
}
