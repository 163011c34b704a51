package org.steward.links;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for emailed links. A link names its purpose and the record it acts on (a
 * reference, an application), never a person, and keeps only the token's hash: the module that owns
 * the record deletes its links when it erases it ({@link LinkService#forget}), so a link clicked
 * afterwards is as unknown as one never issued.
 */
@Component
class LinkPersonalData implements PersonalDataPlace {

    @Override
    public String name() {
        return "Emailed links";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of();
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("member_link", Set.of("token_hash", "purpose"));
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
