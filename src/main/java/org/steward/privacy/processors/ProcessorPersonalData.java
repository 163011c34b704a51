package org.steward.privacy.processors;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for processors and their erasure instructions (DSR-7). A processor's contact
 * address is the processor's, but it may name a person (jane.doe@processor.example), so it is personal
 * data, kept by value like an organisation's security contact: erasure by address clears it (the
 * processor then gets no mail until an officer sets a new contact). An instruction names the erased
 * person only by reference (a data subject id, like erasure_request.subject_id); the officer's follow-up
 * note is free text and declared personal, but is about the instruction, not a subject.
 */
@Component
class ProcessorPersonalData implements PersonalDataPlace {

    private final NamedParameterJdbcTemplate jdbc;

    ProcessorPersonalData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "Processors and erasure instructions";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("processor", Set.of("contact_email"), "processor_instruction", Set.of("note"));
    }

    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("processor", Set.of("name", "holds"), "processor_instruction", Set.of("status", "confirmed_by"));
    }

    /** Instructions are about a subject only by reference, once they are erased: nothing to export. */
    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return List.of();
    }

    @Override
    public int erase(long subjectId) {
        return 0;
    }

    @Override
    public int eraseAddress(String email) {
        return jdbc.update("UPDATE processor SET contact_email = NULL WHERE LOWER(contact_email) = :email",
                new MapSqlParameterSource("email", email));
    }
}
