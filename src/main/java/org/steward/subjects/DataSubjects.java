package org.steward.subjects;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.system.NotFoundException;

/**
 * The register of people we hold data about: one row per email address, whoever they are to us
 * (applicant, member, referee, security contact). Every other table names a person by this id.
 */
@Service
public class DataSubjects {

    private final DataSubjectRepository subjects;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectProvider<SubjectUsage> usages;
    private final Clock clock;

    DataSubjects(DataSubjectRepository subjects, NamedParameterJdbcTemplate jdbc, ObjectProvider<SubjectUsage> usages,
                 Clock clock) {
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.usages = usages;
        this.clock = clock;
    }

    /** Trimmed and lower-case: the form in which an address is stored and compared. */
    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The subject for this address, created with {@code displayName} when new; an existing subject
     * keeps its name (someone naming a referee does not rename them). Safe against a concurrent
     * creation of the same address: the second transaction waits and finds the first one's row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long findOrCreate(String email, String displayName) {
        String normalised = normaliseEmail(email);
        jdbc.update("""
                INSERT INTO data_subject (email, display_name, created_at, version) VALUES (:email, :name, :now, 0)
                ON DUPLICATE KEY UPDATE id = id""",
                new MapSqlParameterSource("email", normalised).addValue("name", displayName)
                        .addValue("now", Timestamp.from(clock.instant())));
        return subjects.findByEmail(normalised).orElseThrow().getId();
    }

    /** The person told us their name themselves (an applicant): it replaces whatever we knew them by. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rename(long subjectId, String displayName) {
        subjects.findById(subjectId).orElseThrow(() -> notFound(subjectId)).rename(displayName);
    }

    /**
     * Rectification (a data-subject request): the person's address was wrong. The caller checks first
     * that no other subject has the new address ({@link #findByEmail}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeEmail(long subjectId, String email) {
        subjects.findById(subjectId).orElseThrow(() -> notFound(subjectId)).changeEmail(normaliseEmail(email));
    }

    @Transactional(readOnly = true)
    public Optional<Subject> find(long subjectId) {
        return subjects.findById(subjectId).map(DataSubject::toSubject);
    }

    @Transactional(readOnly = true)
    public Subject get(long subjectId) {
        return find(subjectId).orElseThrow(() -> notFound(subjectId));
    }

    @Transactional(readOnly = true)
    public Optional<Subject> findByEmail(String email) {
        return subjects.findByEmail(normaliseEmail(email)).map(DataSubject::toSubject);
    }

    /** The subjects with these ids, by id: one query for a chunk of a bulk mailing. */
    @Transactional(readOnly = true)
    public Map<Long, Subject> getAll(Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        List<DataSubject> found = subjects.findByIdIn(subjectIds);
        return found.stream().map(DataSubject::toSubject).collect(Collectors.toMap(Subject::id, Function.identity()));
    }

    /**
     * Deletes the subject, name and address, unless a module still uses it (APP-4: a reduced
     * referee who is nothing else to us leaves no trace here). Callers drop their own reference first.
     *
     * @return true if the subject is gone
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean forgetIfUnused(long subjectId) {
        if (usages.orderedStream().anyMatch(usage -> usage.uses(subjectId))) {
            return false;
        }
        subjects.findById(subjectId).ifPresent(subjects::delete);
        return true;
    }

    private static NotFoundException notFound(long subjectId) {
        return new NotFoundException("No data subject " + subjectId);
    }
}
