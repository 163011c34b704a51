package org.steward.application.web;

import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.steward.application.ApplicationIntake;
import org.steward.application.ApplicationRequest;
import org.steward.members.MemberKind;
import org.steward.organisations.OrganisationRegister;
import org.steward.system.ConflictException;
import org.steward.system.InvalidInputException;
import org.steward.system.StewardProperties;

/**
 * The public application page (APP-1, issue 8 item 7): every problem shown at once beside its field,
 * referee problems beside their slot, the typed values kept, nothing stored until everything is right.
 * Malformed requests (referee slots that do not exist, letters in a number) get field messages and a
 * 400, never a 500 (issue 7 finding 10); too many applications a 429 and a message (finding 6).
 */
@Controller
class ApplyPageController {

    private static final List<String> FIELDS = List.of("kind", "name", "email", "phone", "postalCode", "city",
            "industry", "expertise", "businessName", "yearsOfExperience", "languages", "organisationId", "birthYear",
            "gender", "ethnicity", "countryOfOrigin");
    private static final List<String> SLOT_FIELDS = List.of("name", "email", "relationship");
    private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty");
    private static final Map<String, String> BINDING_MESSAGES = Map.of(
            "kind", "choose Mentor or Entrepreneur",
            "yearsOfExperience", "enter a whole number of years from 0 to 80",
            "birthYear", "enter the year you were born, for example 1985",
            "organisationId", "choose an organisation from the list");

    private final ApplicationIntake applications;
    private final OrganisationRegister organisations;
    private final ApplicationRateLimits rateLimits;
    private final Validator validator;
    private final StewardProperties.Application settings;

    ApplyPageController(ApplicationIntake applications, OrganisationRegister organisations,
                        ApplicationRateLimits rateLimits, Validator validator, StewardProperties properties) {
        this.applications = applications;
        this.organisations = organisations;
        this.rateLimits = rateLimits;
        this.validator = validator;
        this.settings = properties.application();
    }

    /**
     * Only the form's own fields bind: a referee slot the form does not have ({@code referees[256]},
     * {@code referees[-1]}, {@code referees[abc]}) is left out and reported, never grown into a list.
     */
    @InitBinder("form")
    void bindOnlyTheFormsFields(WebDataBinder binder) {
        List<String> allowed = new ArrayList<>(FIELDS);
        for (int slot = 0; slot < settings.maxReferees(); slot++) {
            for (String field : SLOT_FIELDS) {
                allowed.add("referees[" + slot + "]." + field);
            }
        }
        binder.setAllowedFields(allowed.toArray(String[]::new));
        binder.setAutoGrowCollectionLimit(settings.maxReferees());
        binder.setBindingErrorProcessor(new ReadableBindingErrors(BINDING_MESSAGES, "enter a valid value"));
    }

    @ModelAttribute("form")
    ApplyForm form() {
        return new ApplyForm(settings.maxReferees());
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", MemberKind.values());
        model.addAttribute("organisations", organisations.organisations());
    }

    @GetMapping("/apply")
    String form(Model model) {
        return "apply/form";
    }

    @PostMapping("/apply")
    String submit(@ModelAttribute("form") ApplyForm form, BindingResult errors, HttpServletRequest http,
                  HttpServletResponse response) {
        if (Arrays.stream(errors.getSuppressedFields()).anyMatch(field -> field.startsWith("referees"))) {
            errors.rejectValue("referees", "slots", "use the %d referee slots on this form".formatted(settings.maxReferees()));
        }
        ApplicationRequest request = form.toRequest();
        List<Integer> slots = form.filledRefereeSlots();
        for (ConstraintViolation<ApplicationRequest> violation : mostTellingFirst(validator.validate(request))) {
            reject(errors, formPath(violation.getPropertyPath().toString(), slots), violation.getMessage());
        }
        applications.ruleViolations(request).forEach((field, message) -> reject(errors, formPath(field, slots), message));
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "apply/form";
        }
        try {
            rateLimits.take(http.getRemoteAddr(), request.email());
            applications.submit(request);
        } catch (TooManyApplications e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            errors.reject("tooMany", e.getMessage());
            return "apply/form";
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> reject(errors, formPath(field, slots), message));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "apply/form";
        } catch (ConflictException e) {
            errors.reject("duplicate", e.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
            return "apply/form";
        }
        return "redirect:/apply/thanks";
    }

    /** After submitting: the applicant's next step is to confirm their address (issue 7 finding 6). */
    @GetMapping("/apply/thanks")
    String thanks(Model model) {
        model.addAttribute("confirmWithin", describe(settings.emailConfirmationWait()));
        return "apply/thanks";
    }

    /** A missing value is the problem to name, not that the empty text is no valid address. */
    private static List<ConstraintViolation<ApplicationRequest>> mostTellingFirst(Set<ConstraintViolation<ApplicationRequest>> violations) {
        return violations.stream().sorted(Comparator.comparing(v -> !MISSING.contains(
                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()))).toList();
    }

    /** One message per field: the first problem found is the one shown. */
    private static void reject(BindingResult errors, String field, String message) {
        if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "invalid", "kind".equals(field) ? BINDING_MESSAGES.get("kind") : message);
        }
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
            return rest.isEmpty() || index >= slots.size() ? "referees" : "referees[" + slots.get(index) + "]" + rest;
        }
        return path;
    }

    private static String describe(Period period) {
        if (period.getYears() == 0 && period.getMonths() == 0) {
            return period.getDays() == 1 ? "a day" : period.getDays() + " days";
        }
        return period.toString();
    }
}
