package org.steward.matching.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steward.matching.MatchProfiles;
import org.steward.matching.MatchRequests;
import org.steward.matching.Matches;
import org.steward.system.InvalidInputException;

/**
 * The member pages behind matching links (issue 12): edit one's matching profile, request a mentor, the mentor's
 * accept or decline, check-in, close and feedback, and the partner's public profile. GET only shows; POST acts and
 * uses the link up. A form that breaks a rule is shown again with the messages (400) and changes nothing; a used,
 * expired, unknown or deactivated member's link shows the "link not valid" page.
 */
@Controller
class MatchingLinkController {

    private final MatchProfiles profiles;
    private final MatchRequests requests;
    private final Matches matches;

    MatchingLinkController(MatchProfiles profiles, MatchRequests requests, Matches matches) {
        this.profiles = profiles;
        this.requests = requests;
        this.matches = matches;
    }

    // --- profile (MAT-1) ---

    @GetMapping("/links/match-profile/{token}")
    String profile(@PathVariable String token, Model model) {
        model.addAttribute("profile", profiles.profilePage(token));
        return "matching/profile";
    }

    @PostMapping("/links/match-profile/{token}")
    String saveProfile(@PathVariable String token, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("profile", profiles.edit(token, form));
            return "matching/profile-saved";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("profile", profiles.profilePage(token));
            model.addAttribute("form", form);
            model.addAttribute("errors", e.fieldErrors());
            return "matching/profile";
        }
    }

    // --- request a mentor (MAT-1) ---

    @GetMapping("/links/match-request/{token}")
    String requestPage(@PathVariable String token, Model model) {
        requests.requestPage(token);
        return "matching/request";
    }

    @PostMapping("/links/match-request/{token}")
    String request(@PathVariable String token, @RequestParam(name = "need", required = false) String need,
                   @RequestParam(name = "language", required = false) String language, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("request", requests.requestByLink(token, need, language));
            return "matching/requested";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            requests.requestPage(token);
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("need", need);
            model.addAttribute("language", language);
            return "matching/request";
        }
    }

    // --- the mentor's answer (MAT-3) ---

    @GetMapping("/links/match-answer/{token}")
    String answerPage(@PathVariable String token, Model model) {
        model.addAttribute("ask", requests.askPage(token));
        return "matching/answer";
    }

    @PostMapping("/links/match-answer/{token}")
    String answer(@PathVariable String token, @RequestParam(name = "decision", required = false) String decision, Model model,
                  HttpServletResponse response) {
        if (!"ACCEPT".equals(decision) && !"DECLINE".equals(decision)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("ask", requests.askPage(token));
            model.addAttribute("error", "Choose whether you accept or decline.");
            return "matching/answer";
        }
        model.addAttribute("ask", requests.answer(token, "ACCEPT".equals(decision)));
        return "matching/answered";
    }

    // --- check-in, close, feedback (MAT-6) ---

    @GetMapping("/links/match-check-in/{token}")
    String checkInPage(@PathVariable String token, Model model) {
        model.addAttribute("party", matches.checkInPage(token));
        return "matching/check-in";
    }

    @PostMapping("/links/match-check-in/{token}")
    String checkIn(@PathVariable String token, @RequestParam(name = "answer", required = false) String answer,
                   @RequestParam(name = "comment", required = false) String comment, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("party", matches.answerCheckIn(token, answer, comment));
            model.addAttribute("message", "Thank you for telling us how it is going.");
            return "matching/done";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("party", matches.checkInPage(token));
            model.addAttribute("errors", e.fieldErrors());
            return "matching/check-in";
        }
    }

    @GetMapping("/links/match-close/{token}")
    String closePage(@PathVariable String token, Model model) {
        model.addAttribute("party", matches.closePage(token));
        return "matching/close";
    }

    @PostMapping("/links/match-close/{token}")
    String close(@PathVariable String token, Model model) {
        model.addAttribute("party", matches.closeByLink(token));
        model.addAttribute("message", "The match is closed. We will ask you both for feedback by email.");
        return "matching/done";
    }

    @GetMapping("/links/match-feedback/{token}")
    String feedbackPage(@PathVariable String token, Model model) {
        model.addAttribute("party", matches.feedbackPage(token));
        return "matching/feedback";
    }

    @PostMapping("/links/match-feedback/{token}")
    String feedback(@PathVariable String token, @RequestParam(name = "rating", required = false) String rating,
                    @RequestParam(name = "comment", required = false) String comment, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("party", matches.answerFeedback(token, rating, comment));
            model.addAttribute("message", "Thank you for your feedback.");
            return "matching/done";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("party", matches.feedbackPage(token));
            model.addAttribute("errors", e.fieldErrors());
            return "matching/feedback";
        }
    }

    // --- the partner's public profile (MAT-4) ---

    @GetMapping("/links/match-partner/{token}")
    String partner(@PathVariable String token, Model model) {
        model.addAttribute("partner", matches.partnerProfile(token));
        return "matching/partner";
    }
}
