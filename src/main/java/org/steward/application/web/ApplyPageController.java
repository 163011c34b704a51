package org.steward.application.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.steward.application.ApplicationRequest;
import org.steward.application.ApplicationIntake;
import org.steward.members.MemberKind;
import org.steward.organisations.OrganisationRegister;
import org.steward.system.ConflictException;
import org.steward.system.InvalidInputException;

/** The public application page: field-by-field messages, nothing stored until everything is right. */
@Controller
class ApplyPageController {

    private final ApplicationIntake applications;
    private final OrganisationRegister organisations;
    private final Validator validator;

    ApplyPageController(ApplicationIntake applications, OrganisationRegister organisations, Validator validator) {
        this.applications = applications;
        this.organisations = organisations;
        this.validator = validator;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", MemberKind.values());
        model.addAttribute("organisations", organisations.organisations());
    }

    @GetMapping("/apply")
    String form(Model model) {
        model.addAttribute("form", new ApplyForm());
        return "apply/form";
    }

    @PostMapping("/apply")
    String submit(@ModelAttribute("form") ApplyForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            return "apply/form"; // type mismatches, e.g. letters in the birth year
        }
        ApplicationRequest request = form.toRequest();
        List<Integer> slots = form.filledRefereeSlots();
        Set<ConstraintViolation<ApplicationRequest>> violations = validator.validate(request);
        for (ConstraintViolation<ApplicationRequest> violation : violations) {
            errors.rejectValue(formPath(violation.getPropertyPath().toString(), slots), "invalid", violation.getMessage());
        }
        if (errors.hasErrors()) {
            return "apply/form";
        }
        try {
            applications.submit(request);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            return "apply/form";
        } catch (ConflictException e) {
            errors.reject("duplicate", e.getMessage());
            return "apply/form";
        }
        return "redirect:/apply/thanks";
    }

    @GetMapping("/apply/thanks")
    String thanks() {
        return "apply/thanks";
    }

    /** Maps "referees[0].email" of the request back to the form slot it came from; list elements to the field. */
    private static String formPath(String requestPath, List<Integer> slots) {
        String path = requestPath.replaceAll("<[^>]*>", "");
        if (path.startsWith("languages[")) {
            return "languages";
        }
        if (path.startsWith("referees[")) {
            int close = path.indexOf(']');
            int index = Integer.parseInt(path.substring("referees[".length(), close));
            String rest = path.substring(close + 1);
            return rest.isEmpty() ? "referees" : "referees[" + slots.get(index) + "]" + rest;
        }
        return path;
    }
}
