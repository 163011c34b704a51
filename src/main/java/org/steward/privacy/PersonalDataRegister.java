package org.steward.privacy;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of personal data: every {@link PersonalDataPlace} the modules declare, in erasure order.
 * Erasure, retention and export ask it, never a module's tables.
 */
@Service
public class PersonalDataRegister {

    private final List<PersonalDataPlace> places;

    PersonalDataRegister(List<PersonalDataPlace> places) {
        this.places = places.stream().sorted(Comparator.comparingInt(PersonalDataPlace::erasureOrder)
                .thenComparing(PersonalDataPlace::name)).toList();
        Set<String> names = new HashSet<>();
        for (PersonalDataPlace place : this.places) {
            if (!names.add(place.name())) {
                throw new IllegalStateException("Two places of personal data are called " + place.name());
            }
        }
    }

    /** The place of this name, if the register has one (a legal hold names the places it covers, DSR-4). */
    public Optional<PersonalDataPlace> place(String name) {
        return places.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Every place, in the order erasure walks them. */
    public List<PersonalDataPlace> places() {
        return places;
    }

    /** Everything that identifies the person in any place (names, addresses, phone numbers), read before erasure. */
    @Transactional(readOnly = true)
    public Set<String> identifiers(Long subjectId, String email) {
        Set<String> found = new LinkedHashSet<>();
        if (email != null) {
            found.add(email);
        }
        for (PersonalDataPlace place : places) {
            place.identifiers(subjectId, email).stream().filter(v -> v != null && !v.isBlank()).forEach(found::add);
        }
        return found;
    }

    /** The business keys of every process instance about the subject, from every place. */
    @Transactional(readOnly = true)
    public Set<String> caseKeys(long subjectId) {
        Set<String> keys = new LinkedHashSet<>();
        places.forEach(place -> keys.addAll(place.caseKeys(subjectId)));
        return keys;
    }

    /**
     * Erases the person in every place, in order, in the caller's transaction: by subject where one is
     * known, then by address.
     *
     * @return the places that held something, by name, with the number of rows deleted or anonymised
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> erase(Set<Long> subjectIds, String email) {
        return erase(subjectIds, email, place -> true);
    }

    /**
     * {@link #erase(Set, String)} in the places {@code which} accepts only: the rest are left as they are
     * (DSR-4, records kept under a legal hold, erased later by the same call with the other places).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> erase(Set<Long> subjectIds, String email, Predicate<PersonalDataPlace> which) {
        Map<String, Integer> cleared = new LinkedHashMap<>();
        for (PersonalDataPlace place : places.stream().filter(which).toList()) {
            int rows = 0;
            for (Long subjectId : subjectIds) {
                rows += place.erase(subjectId);
            }
            if (email != null) {
                rows += place.eraseAddress(email);
            }
            if (rows > 0) {
                cleared.put(place.name(), rows);
            }
        }
        return cleared;
    }
}
