package org.steward.privacy.requests.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steward.privacy.requests.PrivacyRequests;
import org.steward.privacy.requests.RequestType;
import org.steward.system.InvalidInputException;

/** The public page /privacy (DSR-1, DSR-2): field messages on bad input, one neutral answer otherwise. */
@Controller
class PrivacyPageController {

    private final PrivacyRequests requests;

    PrivacyPageController(PrivacyRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/privacy")
    String form(Model model) {
        model.addAttribute("types", RequestType.values());
        return "privacy/form";
    }

    @PostMapping("/privacy")
    String submit(@RequestParam(required = false) String email, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String details, Model model, HttpServletResponse response) {
        try {
            PrivacyRequestInput input = PrivacyRequestInput.check(email, type, details, null);
            requests.submit(input.email(), input.type(), input.details());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("types", RequestType.values());
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("email", email);
            model.addAttribute("type", type);
            model.addAttribute("details", details);
            return "privacy/form";
        }
        model.addAttribute("message", PrivacyRequests.ACCEPTED);
        return "privacy/thanks";
    }
}
