package org.steward.application.web;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.steward.application.EmailConfirmation;

/**
 * The link in the confirmation mail (issue 7 finding 6). GET only shows a page with a button (mail
 * scanners open links); POST confirms the address, once, and the referees are asked.
 */
@Controller
class EmailConfirmationLinkController {

    private final EmailConfirmation confirmation;

    EmailConfirmationLinkController(EmailConfirmation confirmation) {
        this.confirmation = confirmation;
    }

    @GetMapping("/links/confirm-email/{token}")
    String page(@PathVariable String token) {
        confirmation.checkLink(token);
        return "links/confirm-email";
    }

    @PostMapping("/links/confirm-email/{token}")
    String confirm(@PathVariable String token) {
        try {
            confirmation.confirm(token);
        } catch (MismatchingMessageCorrelationException e) {
            return "links/closed";
        }
        return "links/email-confirmed";
    }
}
