package org.steward.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for the audit trail (AUD-3). Entries hold staff user ids, roles, case keys and
 * categories, never a name, an address or free text; the trail is append-only, so there is nothing
 * to erase, and the completeness check proves it holds none of a person's identifiers. The application
 * funnel (AUD-4, application_funnel_case) likewise holds engine ids, case keys, counts and times only.
 */
@Component
class AuditPersonalData implements PersonalDataPlace {

    @Override
    public String name() {
        return "Audit trail";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of();
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("audit_entry", Set.of("actor", "action", "case_key", "detail", "previous_hash", "entry_hash"),
                "audit_chain_head", Set.of("last_hash"),
                "application_funnel_case", Set.of("process_instance_id", "business_key", "outcome"));
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return List.of();
    }

    @Override
    public int erase(long subjectId) {
        return 0;
    }
}
