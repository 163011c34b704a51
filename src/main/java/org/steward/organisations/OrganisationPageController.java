package org.steward.organisations;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steward.system.ConflictException;

/** Staff pages for the organisation register. */
@Controller
@RequestMapping("/staff/organisations")
class OrganisationPageController {

    private final OrganisationRegister register;

    OrganisationPageController(OrganisationRegister register) {
        this.register = register;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("organisations", register.list());
        return "staff/organisations";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyAuthority('GROUP_admins', 'GROUP_program-staff')")
    String createForm(Model model) {
        model.addAttribute("form", new OrganisationForm("", ""));
        return "staff/organisation-form";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_admins', 'GROUP_program-staff')")
    String editForm(@PathVariable long id, Model model) {
        MemberOrganisation organisation = register.get(id);
        model.addAttribute("organisationId", id);
        model.addAttribute("form", new OrganisationForm(organisation.getName(), organisation.getWebsite()));
        return "staff/organisation-form";
    }

    @PostMapping
    @PreAuthorize("hasAnyAuthority('GROUP_admins', 'GROUP_program-staff')")
    String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "staff/organisation-form";
        }
        try {
            register.create(form);
        } catch (ConflictException e) {
            errors.rejectValue("name", "duplicate", e.getMessage());
            return "staff/organisation-form";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/staff/organisations";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_admins', 'GROUP_program-staff')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        model.addAttribute("organisationId", id);
        if (errors.hasErrors()) {
            return "staff/organisation-form";
        }
        try {
            register.update(id, form);
        } catch (ConflictException e) {
            errors.rejectValue("name", "duplicate", e.getMessage());
            return "staff/organisation-form";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/staff/organisations";
    }

    /** BRE-2: the breach-notice contacts; administrators keep them. */
    @GetMapping("/{id}/security-contacts")
    @PreAuthorize("hasAuthority('GROUP_admins')")
    String securityContactsForm(@PathVariable long id, Model model) {
        MemberOrganisation organisation = register.get(id);
        model.addAttribute("organisationId", id);
        model.addAttribute("organisationName", organisation.getName());
        model.addAttribute("form", new SecurityContactsForm(organisation.getIsoName(), organisation.getIsoEmail(),
                organisation.getAlternateName(), organisation.getAlternateEmail()));
        return "staff/organisation-security-contacts";
    }

    @PostMapping("/{id}/security-contacts")
    @PreAuthorize("hasAuthority('GROUP_admins')")
    String updateSecurityContacts(@PathVariable long id, @Valid @ModelAttribute("form") SecurityContactsForm form,
                                  BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("organisationId", id);
            model.addAttribute("organisationName", register.get(id).getName());
            return "staff/organisation-security-contacts";
        }
        register.updateSecurityContacts(id, form);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/staff/organisations";
    }
}
