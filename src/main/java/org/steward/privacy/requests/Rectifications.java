package org.steward.privacy.requests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.members.MemberView;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.organisations.OrganisationRegister;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.InvalidInputException;
import org.steward.system.validation.PlainTextValidator;

/**
 * RECTIFICATION (DSR-1): Task_CorrectData shows the person's current correctable values, read by id from
 * the owning modules, and applies the officer's corrections through their APIs (subjects: name and address;
 * members: organisation and the matching-relevant profile). Which fields changed, when and by whom is
 * appended to privacy_request_correction; the values themselves are never copied there or into the engine.
 */
@Service
public class Rectifications {

    /** The fields an officer may correct, in form order, with their longest value. */
    public static final Map<String, Integer> TEXT_FIELDS = textFields();
    public static final String ORGANISATION = "organisationId";
    public static final String YEARS = "yearsOfExperience";
    public static final Set<String> FIELDS = fields();
    private static final Set<String> REQUIRED = Set.of("name", "email", "postalCode", "industry", "expertise", "languages");
    private static final Set<String> PROFILE = Set.of("phone", "postalCode", "city", "industry", "expertise", "businessName",
            "languages", YEARS);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public record Choice(long id, String name) {
    }

    /** What the form shows: whom we know under the request's address and what we hold that can be corrected. */
    public record Correctable(long requestId, boolean known, boolean member, boolean profile, Map<String, Object> current,
                              List<Choice> organisations, List<Map<String, Object>> corrections) {
    }

    private final RequestRecords records;
    private final DataSubjects subjects;
    private final Members members;
    private final Profiles profiles;
    private final OrganisationRegister organisations;
    private final AuditTrail audit;
    private final RequestClock clock;

    Rectifications(RequestRecords records, DataSubjects subjects, Members members, Profiles profiles,
                   OrganisationRegister organisations, AuditTrail audit, RequestClock clock) {
        this.records = records;
        this.subjects = subjects;
        this.members = members;
        this.profiles = profiles;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Correctable correctable(long requestId) {
        RequestRecords.Row request = records.get(requestId);
        List<Choice> choices = organisations.organisations().stream().map(o -> new Choice(o.id(), o.name())).toList();
        Optional<Subject> subject = Optional.ofNullable(request.subjectId()).flatMap(subjects::find);
        if (subject.isEmpty()) {
            return new Correctable(requestId, false, false, false, Map.of(), choices, records.corrections(requestId));
        }
        Current current = current(subject.get());
        return new Correctable(requestId, true, current.memberId != null, current.profile != null, current.values, choices,
                records.corrections(requestId));
    }

    /** Checks the corrected values without storing anything: one readable message per bad field. */
    @Transactional(readOnly = true)
    public void check(long requestId, JsonNode input) {
        parse(requestId, input);
    }

    /** Task_CorrectData's completion, in the engine's transaction: applies what changed and records which fields. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> apply(long requestId, JsonNode input, String staffUser) {
        Map<String, Object> wanted = parse(requestId, input);
        RequestRecords.Row request = records.get(requestId);
        List<String> changed = new ArrayList<>();
        if (request.subjectId() != null && !wanted.isEmpty()) {
            Subject subject = subjects.get(request.subjectId());
            Current current = current(subject);
            wanted.forEach((field, value) -> {
                if (!Objects.equals(current.values.get(field), value)) {
                    changed.add(field);
                }
            });
            if (changed.contains("name")) {
                subjects.rename(subject.id(), (String) wanted.get("name"));
            }
            if (changed.contains("email")) {
                subjects.changeEmail(subject.id(), (String) wanted.get("email"));
            }
            if (changed.contains(ORGANISATION) && current.memberId != null) {
                members.changeOrganisation(current.memberId, (Long) wanted.get(ORGANISATION));
            }
            if (current.profile != null && changed.stream().anyMatch(PROFILE::contains)) {
                profiles.record(subject.id(), corrected(current.profile, wanted));
            }
        }
        String fields = changed.isEmpty() ? "(none)" : String.join(",", changed);
        records.recordCorrection(requestId, fields, clock.now(), staffUser);
        audit.record(staffUser, "PRIVACY_REQUEST_DATA_CORRECTED", DataSubjectRequestProcess.businessKey(requestId), "fields=" + fields);
        return changed;
    }

    /** "Correct data for rectification request #12": the number, never a name. */
    @Transactional(readOnly = true)
    public String title(long requestId) {
        return "Correct data for " + records.get(requestId).type().label() + " request #" + requestId;
    }

    // ---- reading the form ------------------------------------------------------------------------

    private Map<String, Object> parse(long requestId, JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new InvalidInputException(Map.of("form", "send the form's fields as a JSON object"));
        }
        List<String> unknown = new ArrayList<>();
        input.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(Map.of("form", "this task does not take " + String.join(", ", unknown)));
        }
        RequestRecords.Row request = records.get(requestId);
        Optional<Subject> subject = Optional.ofNullable(request.subjectId()).flatMap(subjects::find);
        Current current = subject.map(this::current).orElse(null);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> wanted = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode node = input.get(field);
            if (node == null) {
                continue; // not given: unchanged
            }
            if (current == null) {
                errors.putIfAbsent("form", "we hold nothing under this request's address: there is nothing to correct");
                break;
            }
            if (PROFILE.contains(field) && current.profile == null) {
                if (!node.isNull() && !node.asText().isBlank()) {
                    errors.put(field, "this person has no profile to correct");
                }
                continue;
            }
            if (field.equals(ORGANISATION)) {
                if (current.memberId == null) {
                    if (!node.isNull() && !node.asText().isBlank()) {
                        errors.put(field, "this person is no member: there is no organisation to correct");
                    }
                    continue;
                }
                Long organisation = number(node, field, errors);
                if (organisation != null && !organisations.exists(organisation)) {
                    errors.put(field, "choose one of the member organisations, or none");
                } else if (!errors.containsKey(field)) {
                    wanted.put(field, organisation);
                }
                continue;
            }
            if (field.equals(YEARS)) {
                Long years = number(node, field, errors);
                if (years != null && (years < 0 || years > 80)) {
                    errors.put(field, "a number of years from 0 to 80");
                } else if (!errors.containsKey(field)) {
                    wanted.put(field, years == null ? null : years.intValue());
                }
                continue;
            }
            if (!node.isNull() && !node.isTextual()) {
                errors.put(field, "must be text");
                continue;
            }
            String value = node.isNull() ? "" : node.textValue().trim();
            if (value.isEmpty()) {
                if (REQUIRED.contains(field)) {
                    errors.put(field, "cannot be empty");
                } else {
                    wanted.put(field, null);
                }
                continue;
            }
            if (value.length() > TEXT_FIELDS.get(field)) {
                errors.put(field, "may be at most " + TEXT_FIELDS.get(field) + " characters");
            } else if (!PlainTextValidator.isPlainText(value, field.equals("expertise"))) {
                errors.put(field, "must be plain text (no control, zero-width or direction-changing characters)");
            } else if (field.equals("email")) {
                String address = DataSubjects.normaliseEmail(value);
                if (!EMAIL.matcher(address).matches()) {
                    errors.put(field, "must be a valid email address");
                } else if (subjects.findByEmail(address).filter(s -> s.id() != subject.get().id()).isPresent()) {
                    errors.put(field, "another person we hold data about has this address: correct it by hand after checking");
                } else {
                    wanted.put(field, address);
                }
            } else {
                wanted.put(field, value);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return wanted;
    }

    private static Long number(JsonNode node, String field, Map<String, String> errors) {
        if (node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.textValue().trim().matches("[0-9]{1,9}")) {
            return Long.parseLong(node.textValue().trim());
        }
        errors.put(field, "must be a whole number");
        return null;
    }

    // ---- what we hold --------------------------------------------------------------------------

    private record Current(Long memberId, Profile profile, Map<String, Object> values) {
    }

    private Current current(Subject subject) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", subject.displayName());
        values.put("email", subject.email());
        Long memberId = members.memberIdOf(subject.id()).orElse(null);
        if (memberId != null) {
            MemberView member = members.view(memberId);
            values.put(ORGANISATION, member.organisationId());
        }
        Profile profile = profiles.find(subject.id()).orElse(null);
        if (profile != null) {
            values.put("phone", profile.phone());
            values.put("postalCode", profile.postalCode());
            values.put("city", profile.city());
            values.put("industry", profile.industry());
            values.put("expertise", profile.expertise());
            values.put("businessName", profile.businessName());
            values.put(YEARS, profile.yearsOfExperience());
            values.put("languages", profile.languages());
        }
        return new Current(memberId, profile, values);
    }

    private static Profile corrected(Profile p, Map<String, Object> wanted) {
        return new Profile(p.kind(), pick(wanted, "phone", p.phone()), pick(wanted, "postalCode", p.postalCode()),
                pick(wanted, "city", p.city()), pick(wanted, "industry", p.industry()), pick(wanted, "expertise", p.expertise()),
                pick(wanted, "businessName", p.businessName()), pick(wanted, YEARS, p.yearsOfExperience()),
                pick(wanted, "languages", p.languages()), p.birthYear(), p.gender(), p.ethnicity(), p.countryOfOrigin());
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(Map<String, Object> wanted, String field, T current) {
        return wanted.containsKey(field) ? (T) wanted.get(field) : current;
    }

    private static Map<String, Integer> textFields() {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put("name", 200);
        fields.put("email", 320);
        fields.put("phone", 40);
        fields.put("postalCode", 20);
        fields.put("city", 100);
        fields.put("industry", 100);
        fields.put("expertise", 1000);
        fields.put("businessName", 200);
        fields.put("languages", 300);
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static Set<String> fields() {
        Set<String> all = new java.util.LinkedHashSet<>(textFields().keySet());
        all.add(ORGANISATION);
        all.add(YEARS);
        return java.util.Collections.unmodifiableSet(all);
    }

}
