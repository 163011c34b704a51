package org.steward.audit.view;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;


/** One case's timeline (AUD-2) and its process diagram: unknown process or business key shows the 404 page. */
@Controller
@PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_admins')")
class CaseTimelineController {

    private final CaseTimeline timelines;

    CaseTimelineController(CaseTimeline timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/audit/cases/{process}/{businessKey}")
    String timeline(@PathVariable String process, @PathVariable String businessKey, Model model) {
        model.addAttribute("timeline", timelines.of(process, businessKey));
        return "audit/case";
    }

    /** The case's process model for the diagram (bpmn-js): read-only, for auditors and administrators like the page. */
    @GetMapping("/audit/cases/{process}/{businessKey}/diagram.bpmn")
    ResponseEntity<String> diagram(@PathVariable String process, @PathVariable String businessKey) {
        // No "produces": an unknown case must still reach the HTML 404 page, not a 406.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(timelines.diagramXml(process, businessKey));
    }
}
