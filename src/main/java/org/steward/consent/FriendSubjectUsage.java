package org.steward.consent;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.steward.subjects.SubjectUsage;

/** An invited friend stays a data subject while their invitation holds their address (CON-7). */
@Component
class FriendSubjectUsage implements SubjectUsage {

    private final NamedParameterJdbcTemplate jdbc;

    FriendSubjectUsage(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean uses(long subjectId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM friend_invitation WHERE friend_subject_id = :subject",
                Map.of("subject", subjectId), Integer.class);
        return count != null && count > 0;
    }
}
