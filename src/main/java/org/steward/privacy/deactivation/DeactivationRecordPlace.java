package org.steward.privacy.deactivation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.steward.links.LinkService;
import org.steward.privacy.PersonalDataPlace;

/**
 * member_deactivation in the register of personal data: ids and times only, no text. Kept on erasure: it
 * proves that deactivation, reactivation and anonymisation happened when they should (DSR-6, RET-1), and
 * names nobody once the person is gone. The membership links (manage, reactivate) name the data subject,
 * so erasure deletes them here: a link clicked afterwards is as unknown as one never issued.
 */
@Component
class DeactivationRecordPlace implements PersonalDataPlace {

    private final DeactivationRecords records;
    private final LinkService links;

    DeactivationRecordPlace(DeactivationRecords records, LinkService links) {
        this.records = records;
        this.links = links;
    }

    @Override
    public String name() {
        return "Membership deactivations and links";
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
        return links.forget(MembershipLinks.MANAGE, subjectId) + links.forget(MembershipLinks.REACTIVATION, subjectId);
    }
}
