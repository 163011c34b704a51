package org.steward.application.web;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steward.application.ApplicationDecisions;
import org.steward.system.InvalidInputException;

/**
 * The applicant answers the reviewer's question (APP-5). GET shows the question; POST answers, once. An
 * answer that is empty, too long or not plain text is a 400 with the message on the page, nothing stored.
 */
@Controller
class MoreInformationLinkController {

    private final ApplicationDecisions applications;

    MoreInformationLinkController(ApplicationDecisions applications) {
        this.applications = applications;
    }

    @GetMapping("/links/more-information/{token}")
    String form(@PathVariable String token, Model model) {
        return page(token, "", null, model);
    }

    @PostMapping("/links/more-information/{token}")
    String answer(@PathVariable String token, @RequestParam(defaultValue = "") String answer, Model model,
                  HttpServletResponse response) {
        try {
            applications.answerMoreInformation(token, answer);
        } catch (InvalidInputException e) {
            String page = page(token, answer, e.fieldErrors().get("answer"), model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page;
        } catch (MismatchingMessageCorrelationException e) {
            return "links/closed";
        }
        return "links/more-information-thanks";
    }

    private String page(String token, String answer, String error, Model model) {
        ApplicationDecisions.MoreInformationRequest request = applications.checkMoreInformationLink(token);
        model.addAttribute("name", request.name());
        model.addAttribute("question", request.question());
        model.addAttribute("answer", answer);
        model.addAttribute("error", error);
        return "links/more-information";
    }
}
