package org.steward.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.steward.system.InvalidInputException;

/**
 * The checks of a reported incident that span fields or need the clock (issue 7 findings 7 and 10):
 * a discovery time neither in the future nor implausibly far back (year 1 or 1970 would send
 * "preliminary" notices at once), categories that fit their column, and "all members of" only for
 * organisations that are affected. A refusal names each field; nothing is stored or sent.
 */
@Component
class IncidentRequestRules {

    /** Clocks of reporters and servers differ a little; more than this in the future is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final BreachSettings settings;
    private final Clock clock;

    IncidentRequestRules(BreachSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses the request, naming each field, when any of these rules fails. */
    void check(IncidentRequest request) {
        Map<String, String> errors = problems(request);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** One message per field that breaks these rules; empty when none does. */
    Map<String, String> problems(IncidentRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant now = clock.instant();
        Instant discovered = request.discoveredAt();
        if (discovered != null) {
            if (discovered.isAfter(now.plus(CLOCK_SKEW))) {
                errors.put("discoveredAt", "the discovery time cannot lie in the future");
            } else if (discovered.isBefore(now.minus(settings.maxDiscoveryAge()))) {
                errors.put("discoveredAt", "the discovery time lies more than " + days(settings.maxDiscoveryAge())
                        + " back; give the time the incident was actually discovered (UTC, e.g. 2026-11-22T08:00:00Z)");
            }
        }
        if (request.dataCategories() != null) {
            int length = String.join(", ", request.dataCategories().stream().map(c -> c == null ? "" : c.trim()).toList()).length();
            if (length > IncidentRequest.MAX_CATEGORIES_LENGTH) {
                errors.put("dataCategories", "the categories together may be at most " + IncidentRequest.MAX_CATEGORIES_LENGTH
                        + " characters (these are " + length + ")");
            }
        }
        List<Long> organisations = request.organisationIds() == null ? List.of() : request.organisationIds();
        List<Long> outside = request.allMembersOfOrganisationIdsOrEmpty().stream()
                .filter(id -> id != null && !organisations.contains(id)).distinct().toList();
        if (!outside.isEmpty()) {
            errors.put("allMembersOfOrganisationIds", "every organisation whose members are all affected must also be "
                    + "among organisationIds; not there: " + String.join(", ", outside.stream().map(String::valueOf).toList()));
        }
        return errors;
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : duration.toHours() + " hours";
    }
}
