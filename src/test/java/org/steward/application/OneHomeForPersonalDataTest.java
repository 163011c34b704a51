package org.steward.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.steward.support.Markers;
import org.steward.members.MemberView;
import org.steward.members.Members;
import org.steward.subjects.DataSubjects;
import org.steward.support.IntegrationTest;

/**
 * Issue 15, "one home for a person's data": an approved applicant's profile is stored once and both
 * their application and their membership point at the same data subject (APP-1, APP-6); once the
 * application is decided, a referee who is nothing else to us leaves no name, address or comment
 * anywhere in the database, ours or the engine's, while a referee who is also a member keeps their
 * membership and identity (APP-4).
 */
class OneHomeForPersonalDataTest extends IntegrationTest {

    private static final Set<String> PROFILE_COLUMNS = Set.of("name", "email", "kind", "phone", "postal_code", "city",
            "industry", "expertise", "business_name", "years_of_experience", "languages", "birth_year", "gender",
            "ethnicity", "country_of_origin", "pending_email", "referee_name", "referee_email");

    @Autowired
    private Members members;
    @Autowired
    private DataSubjects subjects;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void approvedApplicant_hasOneProfile_andRefereeReductionLeavesNoRefereeIdentity() throws Exception {
        String marker = Markers.unique();
        String applicant = uniqueEmail("applicant");
        String referee = uniqueEmail("referee");
        String refereeName = "Quilla Marrow " + marker;
        String memberReferee = uniqueEmail("member-referee");
        long memberRefereeId = transaction.execute(status ->
                members.admit(subjects.findOrCreate(memberReferee, "Mira Member " + marker), null));

        HttpResponse<String> submitted = browser.postJson("/api/applications", """
                {"kind":"ENTREPRENEUR","name":"Ana Lima","email":"%s","postalCode":"10115","industry":"Industry %s",
                 "expertise":"Cassava processing","languages":["English"],"birthYear":1990,
                 "referees":[{"name":"%s","email":"%s","relationship":"Business partner %s"},
                             {"name":"Somebody Else","email":"%s","relationship":"Former colleague"}]}"""
                .formatted(applicant, marker, refereeName, referee, marker, memberReferee), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long applicationId = idFrom(submitted.body());
        confirmAddress(applicant);
        answerReference(referee, "Met " + marker + " at a trade fair.");
        answerReference(memberReferee, "Reliable.");
        runDueJobs();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(org.steward.application.ApplicationProcess.businessKey(applicationId)).singleResult();
        assertThat(browser.getJson("/api/staff/applications/" + applicationId, "peter").body())
                .contains(refereeName, "Industry " + marker);
        completeAsTasklist(review.getId(), "peter", "{\"decision\":\"APPROVE\"}");
        runDueJobs();
        deliverMailTo(applicant);

        // One person, one key: the application and the membership name the same subject, which has one profile.
        long subjectId = jdbc.queryForObject("SELECT id FROM data_subject WHERE email = ?", Long.class, applicant);
        Map<String, Object> application = jdbc.queryForMap("SELECT subject_id, member_id FROM application WHERE id = ?", applicationId);
        assertThat(((Number) application.get("subject_id")).longValue()).isEqualTo(subjectId);
        long memberId = ((Number) application.get("member_id")).longValue();
        assertThat(jdbc.queryForObject("SELECT subject_id FROM member WHERE id = ?", Long.class, memberId)).isEqualTo(subjectId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_profile WHERE subject_id = ?", Long.class, subjectId)).isEqualTo(1);
        // The profile's home is member_profile; matching keeps its declared read model of the scoring inputs
        // (MAT-1 at scale: MatchingPersonalData exports and erases it with the rest), and nothing else holds it.
        assertThat(placesHolding("Industry " + marker)).containsExactlyInAnyOrder("member_profile.industry", "match_profile.industry");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_profile WHERE industry = ?", Long.class, "Industry " + marker))
                .isEqualTo(1);
        MemberView member = members.view(memberId);
        assertThat(member.email()).isEqualTo(applicant);
        assertThat(member.profile().industry()).isEqualTo("Industry " + marker);
        // ... and no other table carries profile columns any more.
        for (String table : List.of("application", "member", "reference_check")) {
            assertThat(columnsOf(table)).as(table).doesNotContainAnyElementsOf(PROFILE_COLUMNS);
        }
        // The mails to the applicant name their subject, for export and erasure.
        assertThat(jdbc.queryForList("SELECT DISTINCT recipient_subject_id FROM outbox_message WHERE recipient = ?",
                Long.class, applicant)).containsExactly(subjectId);

        // APP-4: the referee's reference keeps its outcome only; the referee is gone from data_subject.
        assertThat(jdbc.queryForList("SELECT referee_subject_id, relationship, comments, status, recommendation "
                + "FROM reference_check WHERE application_id = ? ORDER BY id", applicationId))
                .extracting(row -> row.get("referee_subject_id"), row -> row.get("relationship"), row -> row.get("comments"),
                        row -> row.get("status"), row -> row.get("recommendation"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple(null, null, null, "RECEIVED", "RECOMMEND"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE email = ?", Long.class, referee)).isZero();
        // Their name, address and words are nowhere, ours or Camunda's, except the address of the request
        // already sent, which the outbox keeps as its record until the retention sweep (issue 9, RET-2);
        // even that row no longer points at a subject.
        assertThat(placesHolding(refereeName)).isEmpty();
        assertThat(placesHolding(marker + " at a trade fair")).isEmpty();
        assertThat(placesHolding("Business partner " + marker)).isEmpty();
        assertThat(placesHolding(referee)).containsExactly("outbox_message.recipient");
        assertThat(jdbc.queryForList("SELECT recipient_subject_id FROM outbox_message WHERE recipient = ?", Long.class, referee))
                .containsOnlyNulls();

        // A referee who is also a member stays a member, with their name and address.
        assertThat(members.view(memberRefereeId).email()).isEqualTo(memberReferee);
        assertThat(members.isContactable(memberRefereeId)).isTrue();
        assertThat(placesHolding("Mira Member " + marker)).containsExactly("data_subject.display_name");
    }

    private void answerReference(String referee, String comments) throws Exception {
        List<MimeMessage> mail = deliverMailTo(referee);
        assertThat(mail).hasSize(1);
        String link = link(mail.get(0), "/links/reference/");
        browser.get(link);
        assertThat(browser.postForm(link, Map.of("recommendation", "RECOMMEND", "knownForYears", "4", "comments", comments))
                .statusCode()).isEqualTo(200);
    }

    private List<String> columnsOf(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = jdbc.getDataSource().getConnection();
             ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(columns).as("columns of %s", table).isNotEmpty();
        return columns;
    }

    /** Every text column of every table (ours and the engine's) that contains the value: "table.column". */
    private List<String> placesHolding(String value) throws SQLException {
        List<String[]> textColumns = new ArrayList<>();
        try (Connection connection = jdbc.getDataSource().getConnection();
             ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (rs.next()) {
                if (isText(rs.getInt("DATA_TYPE")) && !"flyway_schema_history".equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    textColumns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                }
            }
        }
        assertThat(textColumns).as("text columns found").hasSizeGreaterThan(50);
        List<String> places = new ArrayList<>();
        for (String[] column : textColumns) {
            Long hits = jdbc.queryForObject("SELECT COUNT(*) FROM " + column[0] + " WHERE LOWER(" + column[1] + ") LIKE ?",
                    Long.class, "%" + value.toLowerCase(Locale.ROOT) + "%");
            if (hits != null && hits > 0) {
                places.add((column[0] + "." + column[1]).toLowerCase(Locale.ROOT));
            }
        }
        return places;
    }

    private static boolean isText(int sqlType) {
        return sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.LONGVARCHAR || sqlType == Types.CLOB
                || sqlType == Types.NVARCHAR || sqlType == Types.NCHAR || sqlType == Types.LONGNVARCHAR || sqlType == Types.NCLOB;
    }
}
