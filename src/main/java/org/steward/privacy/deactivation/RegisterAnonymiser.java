package org.steward.privacy.deactivation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;
import org.steward.privacy.SubjectAnonymiser;

/**
 * Anonymises a subject by walking the register of personal data: every place erases or anonymises what it
 * holds about them, in the places' order. Stands in for the erasure service (DSR-7), which replaces it
 * (and adds the Camunda history and the completeness check).
 */
@Component
class RegisterAnonymiser implements SubjectAnonymiser {

    private static final Logger log = LoggerFactory.getLogger(RegisterAnonymiser.class);

    private final ObjectProvider<PersonalDataPlace> places;

    RegisterAnonymiser(ObjectProvider<PersonalDataPlace> places) {
        this.places = places;
    }

    @Override
    public void anonymise(long subjectId, String reason) {
        int rows = places.orderedStream().mapToInt(place -> place.erase(subjectId)).sum();
        log.info("Anonymised data subject {}: {} rows ({})", subjectId, rows, reason);
    }
}
