package org.steward.audit.view;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steward.security.StaffLanding;

/** The auditors' landing page (AUD-2): every case, filterable, and where else they can read. */
@Controller
@PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_admins')")
class CaseListController {

    private final CaseList cases;
    private final StaffLanding landing;

    CaseListController(CaseList cases, StaffLanding landing) {
        this.cases = cases;
        this.landing = landing;
    }

    @GetMapping(StaffLanding.AUDIT)
    String list(@RequestParam(required = false) String process, @RequestParam(required = false) String state,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String missed, @RequestParam(required = false) String page,
                Authentication authentication, Model model) {
        Map<String, String> processes = cases.processes();
        CaseFilter filter = CaseFilter.parse(process, state, from, to, missed, page, processes);
        model.addAttribute("cockpit", landing.mayUse(authentication, "cockpit"));
        model.addAttribute("processes", processes);
        model.addAttribute("filter", filter);
        model.addAttribute("from", filter.period().fromText());
        model.addAttribute("to", filter.period().toText());
        model.addAttribute("result", cases.find(filter, processes));
        return "audit/index";
    }
}
