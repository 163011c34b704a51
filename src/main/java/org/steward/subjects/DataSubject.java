package org.steward.subjects;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One person we hold data about: the row every other personal-data row points at. */
@Entity
@Table(name = "data_subject")
class DataSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String email;
    private String displayName;
    private Instant createdAt;
    @Version
    private long version;

    protected DataSubject() {
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    /** Rectification: the person's address was wrong; it is stored normalised. */
    void changeEmail(String email) {
        this.email = email;
    }

    Subject toSubject() {
        return new Subject(id, email, displayName);
    }

    Long getId() { return id; }
}
