package org.steward.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff home (every staff member: where each part of the service is and who may use it) and
 * the auditors' page (what auditors can read and where; the auditors' view of issue 13 grows here).
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

    @GetMapping(StaffLanding.AUDIT)
    @PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_admins')")
    String audit(Authentication authentication, Model model) {
        model.addAttribute("cockpit", landing.mayUse(authentication, "cockpit"));
        return "audit/index";
    }
}
