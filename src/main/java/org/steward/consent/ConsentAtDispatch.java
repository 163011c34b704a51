package org.steward.consent;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.steward.mail.PurposeConsent;
import org.steward.members.Members;

/** CON-2: the outbox asks here, as it sends, whether mail queued for a purpose may still go. */
@Component
class ConsentAtDispatch implements PurposeConsent {

    private final ConsentCheck check;
    private final Members members;

    ConsentAtDispatch(ConsentCheck check, Members members) {
        this.check = check;
        this.members = members;
    }

    @Override
    public Set<Long> mayReceive(String purpose, Collection<Long> recipientSubjectIds) {
        Map<Long, Long> memberBySubject = new HashMap<>();
        for (Long subjectId : recipientSubjectIds) {
            members.memberIdOf(subjectId).ifPresent(memberId -> memberBySubject.put(subjectId, memberId));
        }
        Set<Long> permitted = check.permitted(purpose, memberBySubject.values());
        return memberBySubject.entrySet().stream().filter(e -> permitted.contains(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
