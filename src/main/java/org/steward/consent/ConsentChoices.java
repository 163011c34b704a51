package org.steward.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.members.Members;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;

/**
 * Where members choose, purpose by purpose, and staff read or record those choices (CON-1, CON-2,
 * APP-6): the preferences page behind a link (GET shows, POST saves) and the staff API.
 */
@Service
public class ConsentChoices {

    /** The preferences page: every purpose with the member's current choice. */
    public record PreferencesView(String name, List<PurposeChoice> purposes) {
    }

    public record PurposeChoice(String code, String label, String description, boolean granted, Instant expiresAt) {

        /** "12 March 2027" (UTC), for the page. */
        public String expiresOn() {
            return expiresAt == null ? "" : ConsentRenewals.DAY.format(expiresAt.atZone(java.time.ZoneOffset.UTC));
        }
    }

    /** GET /api/members/{id}/consents: the current state per purpose, and the ledger it derives from. */
    public record ConsentOverview(Map<String, CurrentConsent> current, List<LedgerEntry> ledger) {
    }

    private final ConsentLedger ledger;
    private final Purposes purposes;
    private final Members members;
    private final ConsentLinks links;

    ConsentChoices(ConsentLedger ledger, Purposes purposes, Members members, ConsentLinks links) {
        this.ledger = ledger;
        this.purposes = purposes;
        this.members = members;
        this.links = links;
    }

    @Transactional(readOnly = true)
    public PreferencesView preferencesPage(String token) {
        return view(links.check(ConsentLinks.PREFERENCES, token).subjectId());
    }

    /**
     * Saves the member's choices for the purposes the page offered: ticked ones are given (for a full
     * period), unticked ones withdrawn at once (CON-2). Unknown purposes are refused before the link is
     * used, so a bad form changes nothing and the link still works.
     */
    @Transactional
    public PreferencesView savePreferences(String token, Collection<String> offered, Collection<String> chosen) {
        if (offered == null || offered.isEmpty()) {
            throw new InvalidInputException(Map.of("purposes", "the form offered no purposes; reload the page"));
        }
        offered.forEach(code -> purposes.require("purposes", code));
        List<String> ticked = chosen == null ? List.of() : List.copyOf(chosen);
        ticked.forEach(code -> purposes.require("purposes", code));
        if (!offered.containsAll(ticked)) {
            throw new InvalidInputException(Map.of("purposes", "choose only among the purposes the page shows"));
        }
        long memberId = links.consume(ConsentLinks.PREFERENCES, token).subjectId();
        Map<String, Boolean> choices = new LinkedHashMap<>();
        offered.forEach(code -> choices.put(code, ticked.contains(code)));
        ledger.choose(memberId, choices, Channel.PREFERENCES_LINK, ConsentLinks.evidence(ConsentLinks.PREFERENCES, token), "member");
        return view(memberId);
    }

    /** Staff record a member's choice for them (a call, a letter); the evidence is the staff user. */
    @Transactional
    public List<LedgerEntry> recordByStaff(long memberId, String purpose, boolean granted, String staffUser) {
        requireMember(memberId);
        purposes.require("purpose", purpose);
        return ledger.choose(memberId, Map.of(purpose, granted), Channel.STAFF, "staff:" + staffUser, staffUser);
    }

    @Transactional(readOnly = true)
    public ConsentOverview overview(long memberId) {
        requireMember(memberId);
        return new ConsentOverview(ledger.current(memberId), ledger.entries(memberId));
    }

    private void requireMember(long memberId) {
        if (!members.allExist(List.of(memberId))) {
            throw new NotFoundException("There is no member " + memberId + ".");
        }
    }

    private PreferencesView view(long memberId) {
        Map<String, CurrentConsent> current = ledger.current(memberId);
        List<PurposeChoice> choices = new ArrayList<>();
        for (Purpose purpose : purposes.all()) {
            CurrentConsent consent = current.getOrDefault(purpose.code(), CurrentConsent.NOT_GIVEN);
            choices.add(new PurposeChoice(purpose.code(), purpose.label(), purpose.description(), consent.granted(), consent.expiresAt()));
        }
        return new PreferencesView(members.view(memberId).name(), choices);
    }
}
