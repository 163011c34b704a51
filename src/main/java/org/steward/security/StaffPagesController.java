package org.steward.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff home (every staff member: where each part of the service is and who may use it). The
 * auditors' page lives in the audit module (issue 13).
 */
@Controller
class StaffPagesController {

    private final StaffLanding landing;
    private final boolean devMail;

    StaffPagesController(StaffLanding landing, @Value("${steward.dev-mail.enabled:false}") boolean devMail) {
        this.landing = landing;
        this.devMail = devMail;
    }

    @GetMapping(StaffLanding.STAFF_HOME)
    String home(Authentication authentication, Model model) {
        model.addAttribute("groups", StaffLanding.groupsOf(authentication));
        model.addAttribute("tasklist", landing.mayUse(authentication, "tasklist"));
        model.addAttribute("cockpit", landing.mayUse(authentication, "cockpit"));
        model.addAttribute("admin", landing.mayUse(authentication, "admin"));
        model.addAttribute("devMail", devMail);
        return "staff/home";
    }
}
