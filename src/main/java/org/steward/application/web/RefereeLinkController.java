package org.steward.application.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.steward.application.Recommendation;
import org.steward.application.ReferenceAnswer;
import org.steward.application.ReferenceService;

/**
 * The pages behind the links in a reference request: the form (APP-3) and data removal (APP-4). GET never
 * acts. A wrong field is a 400 with a message beside it and nothing stored (issue 7 finding 10); a removal
 * link used once only the outcome is left says so and changes nothing (finding 11).
 */
@Controller
class RefereeLinkController {

    private final ReferenceService references;
    private final Validator validator;

    RefereeLinkController(ReferenceService references, Validator validator) {
        this.references = references;
        this.validator = validator;
    }

    @GetMapping("/links/reference/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("answer", new ReferenceForm());
        return formPage(token, model);
    }

    @PostMapping("/links/reference/{token}")
    String submit(@PathVariable String token, @ModelAttribute("answer") ReferenceForm form, BindingResult errors,
                  Model model, HttpServletResponse response) {
        ReferenceAnswer answer = form.toAnswer(errors, validator);
        if (answer == null) {
            String page = formPage(token, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page;
        }
        try {
            references.submitReference(token, answer);
        } catch (MismatchingMessageCorrelationException e) {
            return "links/closed";
        }
        return "links/reference-thanks";
    }

    private String formPage(String token, Model model) {
        ReferenceService.RefereeView referee = references.checkReferenceLink(token);
        if (referee.dataGone()) {
            return "links/closed";
        }
        model.addAttribute("referee", referee);
        model.addAttribute("recommendations", Recommendation.values());
        return "links/reference-form";
    }

    @GetMapping("/links/referee-removal/{token}")
    String confirmRemoval(@PathVariable String token, Model model) {
        ReferenceService.RefereeView referee = references.checkRemovalLink(token);
        if (referee.dataGone()) {
            return "links/referee-data-gone";
        }
        model.addAttribute("referee", referee);
        return "links/referee-removal";
    }

    @PostMapping("/links/referee-removal/{token}")
    String remove(@PathVariable String token) {
        return references.removeRefereeData(token) ? "links/referee-removed" : "links/referee-data-gone";
    }
}
