package org.steward.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Verify trail" for auditors (AUD-3). */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit/verify")
    @PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_admins')")
    Map<String, Object> verify() {
        AuditTrail.Verification result = trail.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", result.intact());
        body.put("entries", result.entries());
        if (!result.intact()) {
            body.put("firstBrokenEntry", result.firstBrokenEntry());
        }
        return body;
    }
}
