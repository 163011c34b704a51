package org.steward.application.web;

import jakarta.validation.Valid;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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

/** The pages behind the links in a reference request: the form (APP-3) and data removal (APP-4). GET never acts. */
@Controller
class RefereeLinkController {

    private final ReferenceService references;

    RefereeLinkController(ReferenceService references) {
        this.references = references;
    }

    @GetMapping("/links/reference/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("referee", references.checkReferenceLink(token));
        model.addAttribute("answer", new ReferenceAnswer(null, null, null));
        model.addAttribute("recommendations", Recommendation.values());
        return "links/reference-form";
    }

    @PostMapping("/links/reference/{token}")
    String submit(@PathVariable String token, @Valid @ModelAttribute("answer") ReferenceAnswer answer,
                  BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("referee", references.checkReferenceLink(token));
            model.addAttribute("recommendations", Recommendation.values());
            return "links/reference-form";
        }
        try {
            references.submitReference(token, answer);
        } catch (MismatchingMessageCorrelationException e) {
            return "links/closed";
        }
        return "links/reference-thanks";
    }

    @GetMapping("/links/referee-removal/{token}")
    String confirmRemoval(@PathVariable String token, Model model) {
        model.addAttribute("referee", references.checkRemovalLink(token));
        return "links/referee-removal";
    }

    @PostMapping("/links/referee-removal/{token}")
    String remove(@PathVariable String token) {
        references.removeRefereeData(token);
        return "links/referee-removed";
    }
}
