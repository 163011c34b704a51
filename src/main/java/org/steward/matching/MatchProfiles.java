package org.steward.matching;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.links.InvalidLinkException;
import org.steward.members.MemberAdmitted;
import org.steward.members.MemberKind;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.system.InvalidInputException;
import org.steward.system.validation.PlainTextValidator;

/**
 * A member's matching profile (MAT-1): what they told us on their application (industry, expertise,
 * languages, place, years of experience; kept in the members module, read and edited through its
 * API) and what only matching needs (mentor capacity, time zone), kept in match_profile from admission on,
 * with a copy of the fields the scorer reads ({@link ScoringInputs}).
 */
@Service
public class MatchProfiles {

    /** What the profile page shows and takes. */
    public record ProfileView(long memberId, MemberKind kind, String industry, String expertise, String languages, String city,
                              String postalCode, Integer yearsOfExperience, int capacity, String timeZone) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Members members;
    private final Profiles profiles;
    private final MatchingLinks links;
    private final MatchingProperties settings;
    private final MatchingClock clock;

    MatchProfiles(NamedParameterJdbcTemplate jdbc, Members members, Profiles profiles, MatchingLinks links,
                  MatchingProperties settings, MatchingClock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.profiles = profiles;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    /** APP-6 → MAT-1: every new member with a profile gets a matching profile, in the admitting transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onMemberAdmitted(MemberAdmitted admitted) {
        Optional<Profile> profile = profiles.find(admitted.subjectId());
        if (profile.isEmpty() || profile.get().kind() == null || exists(admitted.memberId())) {
            return;
        }
        // With the scoring inputs copied from the profile (ScoringInputs keeps them up to date from here on).
        jdbc.update("""
                INSERT INTO match_profile (member_id, subject_id, kind, capacity, time_zone, created_at, updated_at,
                                           industry, expertise, languages, city, postal_code, member_active)
                VALUES (:member, :subject, :kind, :capacity, NULL, :now, :now,
                        :industry, :expertise, :languages, :city, :postalCode, TRUE)""",
                ScoringInputs.copied(profile.get()).addValue("member", admitted.memberId()).addValue("subject", admitted.subjectId())
                        .addValue("kind", profile.get().kind().name()).addValue("capacity", settings.defaultCapacity())
                        .addValue("now", clock.stamp()));
    }

    @Transactional(readOnly = true)
    public Optional<MemberKind> kindOf(long memberId) {
        return jdbc.queryForList("SELECT kind FROM match_profile WHERE member_id = :member",
                new MapSqlParameterSource("member", memberId), String.class).stream().findFirst().map(MemberKind::valueOf);
    }

    /** The link to the member's profile page, for a mail to them. */
    @Transactional(propagation = Propagation.MANDATORY)
    String profileUrl(long memberId) {
        return links.issue(MatchingLinks.PROFILE, memberId, settings.linkValidity());
    }

    /** The link to the "request a mentor" page, for a mail to an entrepreneur. */
    @Transactional(propagation = Propagation.MANDATORY)
    String requestUrl(long memberId) {
        return links.issue(MatchingLinks.REQUEST, memberId, settings.linkValidity());
    }

    @Transactional(readOnly = true)
    public ProfileView profilePage(String token) {
        return view(activeMember(links.check(MatchingLinks.PROFILE, token).subjectId()));
    }

    /** The member edits their profile through the link (POST): the profile fields go to the members API, the rest here. */
    @Transactional
    public ProfileView edit(String token, Map<String, String> form) {
        long memberId = activeMember(links.check(MatchingLinks.PROFILE, token).subjectId());
        ProfileView current = view(memberId);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String industry = line(form, "industry", 100, true, errors);
        String expertise = text(form, "expertise", 1000, errors);
        String languages = line(form, "languages", 200, true, errors);
        String city = line(form, "city", 100, false, errors);
        String postalCode = line(form, "postalCode", 20, true, errors);
        String timeZone = line(form, "timeZone", 60, false, errors);
        if (timeZone != null && MatchScorer.zone(timeZone) == null) {
            errors.put("timeZone", "name a time zone such as Europe/Berlin");
        }
        int capacity = current.capacity();
        if (current.kind() == MemberKind.MENTOR) {
            try {
                capacity = Integer.parseInt(form.getOrDefault("capacity", "").trim());
                if (capacity < 0 || capacity > 10) {
                    errors.put("capacity", "choose between 0 and 10 entrepreneurs at a time");
                }
            } catch (NumberFormatException e) {
                errors.put("capacity", "choose between 0 and 10 entrepreneurs at a time");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        links.consume(MatchingLinks.PROFILE, token);
        long subjectId = members.subjectIdOf(memberId).orElseThrow();
        Profile p = profiles.get(subjectId);
        profiles.record(subjectId, new Profile(p.kind(), p.phone(), postalCode, city, industry, expertise, p.businessName(),
                p.yearsOfExperience(), languages, p.birthYear(), p.gender(), p.ethnicity(), p.countryOfOrigin()));
        jdbc.update("UPDATE match_profile SET capacity = :capacity, time_zone = :zone, updated_at = :now WHERE member_id = :member",
                new MapSqlParameterSource("capacity", capacity).addValue("zone", timeZone).addValue("now", clock.stamp())
                        .addValue("member", memberId));
        return view(memberId);
    }

    @Transactional(readOnly = true)
    public ProfileView view(long memberId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT subject_id, kind, capacity, time_zone FROM match_profile WHERE member_id = :member",
                new MapSqlParameterSource("member", memberId));
        if (rows.isEmpty()) {
            throw new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN);
        }
        Map<String, Object> row = rows.get(0);
        Profile p = profiles.find(((Number) row.get("subject_id")).longValue()).orElse(null);
        return new ProfileView(memberId, MemberKind.valueOf((String) row.get("kind")), p == null ? null : p.industry(),
                p == null ? null : p.expertise(), p == null ? null : p.languages(), p == null ? null : p.city(),
                p == null ? null : p.postalCode(), p == null ? null : p.yearsOfExperience(),
                ((Number) row.get("capacity")).intValue(), (String) row.get("time_zone"));
    }

    /** A link of a deactivated (or erased) member opens nothing: the "link not valid" page (DSR-6). */
    long activeMember(long memberId) {
        if (!members.isContactable(memberId) || !exists(memberId)) {
            throw new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN);
        }
        return memberId;
    }

    private boolean exists(long memberId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM match_profile WHERE member_id = :member",
                new MapSqlParameterSource("member", memberId), Integer.class);
        return n != null && n > 0;
    }

    private static String line(Map<String, String> form, String field, int max, boolean required, Map<String, String> errors) {
        String value = form.get(field) == null ? null : form.get(field).trim();
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.put(field, "please fill this in");
            }
            return null;
        }
        if (value.length() > max) {
            errors.put(field, "may be at most " + max + " characters");
        } else if (!PlainTextValidator.isPlainText(value, false)) {
            errors.put(field, "must be plain text on one line");
        }
        return value;
    }

    private static String text(Map<String, String> form, String field, int max, Map<String, String> errors) {
        String value = form.get(field) == null ? null : form.get(field).trim();
        if (value == null || value.isEmpty()) {
            errors.put(field, "please fill this in");
            return null;
        }
        if (value.length() > max) {
            errors.put(field, "may be at most " + max + " characters");
        } else if (!PlainTextValidator.isPlainText(value, true)) {
            errors.put(field, "must be plain text");
        }
        return value;
    }
}
