package org.steward.privacy.deactivation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * member_deactivation in the register of personal data: ids and times only, no text. Kept on erasure: it
 * proves that deactivation, reactivation and anonymisation happened when they should (DSR-6, RET-1), and
 * names nobody once the person is gone.
 */
@Component
class DeactivationRecordPlace implements PersonalDataPlace {

    private final DeactivationRecords records;

    DeactivationRecordPlace(DeactivationRecords records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "Membership deactivations";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of();
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("member_deactivation", Set.of());
    }

    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return records.exportFor(subjectId);
    }

    @Override
    public int erase(long subjectId) {
        return 0;
    }
}
