package org.steward.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.steward.support.IntegrationTest;
import org.steward.support.RandomProfileText;

/**
 * MAT-1: the ranking (read model, industry by industry, pruned) proposes exactly the ten that scoring every mentor
 * and sorting them all proposes ({@link NaiveMatchRanking}, which reads the members' own tables and the do-not-process
 * flags directly). A few hundred mentors written straight into the tables, with industries that share words (so the
 * ranking reads several tiers), deactivated, restricted, full and declining mentors, and seekers whose industry
 * many, few or no mentors share. The industries carry a marker word of their own, so these mentors score nothing on
 * industry for other tests' seekers (and are removed afterwards).
 */
class CandidateRankingTest extends IntegrationTest {

    private static final String[] WORDS = ("pricing sales marketing hiring funding investors export import accounting tax legal "
            + "contracts branding online shop customers service product design prototyping quality operations strategy growth "
            + "partnerships negotiation pitching grants bookkeeping cash flow payroll recruiting analytics security cloud mobile "
            + "wholesale franchising catering packaging sustainability energy property tourism events fashion textiles").split(" ");
    private static final String[] LANGUAGES = {"English", "German", "Portuguese", "Spanish", "French"};
    private static final String[][] PLACES = {{"10115", "Berlin"}, {"20095", "Hamburg"}, {"80331", "Munich"}, {"1000-001", "Lisbon"},
            {"28001", "Madrid"}};

    @Autowired
    private MatchRequests requests;
    @Autowired
    private ApplicationContext context;

    private final String marker = "rk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Random random = new Random(7);
    private final RandomProfileText text = new RandomProfileText(random, WORDS, LANGUAGES);

    @AfterEach
    void removeTheRows() {
        String mine = "%@" + marker + ".example";
        String members = "SELECT m.id FROM member m JOIN data_subject s ON s.id = m.subject_id WHERE s.email LIKE '" + mine + "'";
        String requestsOf = "SELECT id FROM match_request WHERE entrepreneur_member_id IN (" + members + ")";
        jdbc.update("DELETE FROM match_candidate WHERE request_id IN (" + requestsOf + ")");
        jdbc.update("DELETE FROM match_attempt WHERE request_id IN (" + requestsOf + ")");
        jdbc.update("DELETE FROM mentor_match WHERE request_id IN (" + requestsOf + ")");
        jdbc.update("DELETE FROM match_request WHERE entrepreneur_member_id IN (" + members + ")");
        jdbc.update("DELETE FROM match_profile WHERE member_id IN (" + members + ")");
        String subjects = "SELECT id FROM data_subject WHERE email LIKE '" + mine + "'";
        jdbc.update("DELETE FROM processing_restriction WHERE subject_id IN (" + subjects + ")");
        jdbc.update("DELETE FROM member WHERE subject_id IN (" + subjects + ")");
        jdbc.update("DELETE FROM member_profile WHERE subject_id IN (" + subjects + ")");
        jdbc.update("DELETE FROM data_subject WHERE email LIKE '" + mine + "'");
    }

    @Test
    void theRankingProposesTheSameTenAsScoringEveryMentor_whateverTheSeekersIndustry() {
        String[] industries = {marker + " food drink", marker + " food retail", marker + " drink distribution", marker + " textiles",
                marker + " crafts and design", "Crafts " + marker};
        List<Long> mentors = new ArrayList<>();
        List<String[]> profiles = new ArrayList<>(); // industry, expertise, languages
        for (int i = 0; i < 400; i++) {
            String[] place = PLACES[random.nextInt(PLACES.length)];
            String[] profile = {industries[random.nextInt(industries.length)], text.words(4 + random.nextInt(10)), text.languages(1 + random.nextInt(3))};
            profiles.add(profile);
            mentors.add(insertMember("mentor" + i, "MENTOR", profile[0], profile[1], profile[2], place, 1 + random.nextInt(3)));
        }
        long sharing = insertMember("founder-a", "ENTREPRENEUR", marker + " food drink", "bakery", "English,German", PLACES[0], 0);
        long partly = insertMember("founder-b", "ENTREPRENEUR", marker + " textiles fashion", "shop", "Portuguese", PLACES[3], 0);
        long nobody = insertMember("founder-c", "ENTREPRENEUR", "Shipbuilding", "hulls", "Spanish", PLACES[4], 0);
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < mentors.size(); i += 23) { // deactivated (DSR-6)
            jdbc.update("UPDATE member SET status = 'DEACTIVATED' WHERE id = ?", mentors.get(i));
        }
        for (int i = 5; i < mentors.size(); i += 29) { // objecting (DSR-8); every other one lifted again
            jdbc.update("INSERT INTO processing_restriction (subject_id, request_id, reason, flagged_at, lifted_at) "
                    + "SELECT subject_id, 0, 'OBJECTION', ?, ? FROM member WHERE id = ?", now, i % 2 == 0 ? now : null, mentors.get(i));
        }
        long earlier = insertRequest(sharing, "earlier request", "English");
        for (int i = 3; i < mentors.size() - 1; i += 11) { // some full or partly busy, some declined the first founder before
            jdbc.update("INSERT INTO mentor_match (request_id, mentor_member_id, entrepreneur_member_id, status, started_at) "
                    + "VALUES (?, ?, ?, 'ACTIVE', ?)", earlier, mentors.get(i), nobody, now);
            jdbc.update("INSERT INTO match_attempt (request_id, mentor_member_id, status, created_at) VALUES (?, ?, 'DECLINED', ?)",
                    earlier, mentors.get(i + 1), now);
        }
        ScoringInputsBackfill.run(jdbc);

        NaiveMatchRanking naive = new NaiveMatchRanking(context);
        int starsProposed = 0;
        for (long founder : List.of(sharing, partly, nobody)) {
            for (String language : List.of("English", "Portuguese", "French")) {
                long request = insertRequest(founder, "I need help with " + text.words(3 + random.nextInt(6)), language);
                requests.scoreCandidates(request);
                assertThat(ranked(request)).as("founder %d, %s", founder, language).hasSize(10).isEqualTo(naive.rank(request));
            }
            // A star: a mentor of another industry whose expertise is exactly the need, asked in a language they speak
            // or only share with the founder: what the ranking must not prune away by industry or by language.
            for (int star = 7; star < mentors.size(); star += 37) {
                String[] profile = profiles.get(star);
                List<String> spoken = Arrays.asList(profile[2].split(","));
                String language = star % 2 == 0 ? spoken.get(0) : Arrays.stream(LANGUAGES).filter(l -> !spoken.contains(l)).findFirst().orElseThrow();
                long request = insertRequest(founder, "I need help with " + profile[1], language);
                requests.scoreCandidates(request);
                List<Long> ranked = ranked(request);
                assertThat(ranked).as("founder %d, star %d, %s", founder, star, language).hasSize(10).isEqualTo(naive.rank(request));
                starsProposed += ranked.contains(mentors.get(star)) ? 1 : 0;
            }
        }
        assertThat(starsProposed).as("stars among the ten (else the stars test nothing)").isGreaterThan(3);
    }

    /**
     * The pruning's edges, set up so that they decide: twelve mentors of the founder's industry put the tenth best at
     * 5.671 points; two mentors of an unrelated industry, whose expertise is exactly the need, reach 6: one speaks the
     * preferred language, the other only a language the founder also speaks. Neither may be left out, by industry
     * or by language.
     */
    @Test
    void mentorsOfAnotherIndustry_whoseExpertiseIsTheNeed_areNotLeftOut() {
        String ovens = marker + " ovens";
        for (int i = 0; i < 12; i++) {
            insertMember("top" + i, "MENTOR", ovens, "pricing tax legal contracts branding shop customers service product design", "English",
                    PLACES[4], 2);
        }
        long shared = insertMember("shared", "MENTOR", "Shipyards", "pricing sales", "Polish", new String[] {"4000-001", "Porto"}, 2);
        long preferred = insertMember("preferred", "MENTOR", "Shipyards", "pricing sales", "English", PLACES[4], 2);
        long founder = insertMember("founder", "ENTREPRENEUR", ovens, "bakery", "English,Polish", new String[] {"4000-001", "Porto"}, 0);
        ScoringInputsBackfill.run(jdbc);

        long request = insertRequest(founder, "pricing sales", "English");
        requests.scoreCandidates(request);
        List<Long> ranked = ranked(request);
        assertThat(ranked).hasSize(10).startsWith(shared, preferred).isEqualTo(new NaiveMatchRanking(context).rank(request));
        assertThat(jdbc.queryForObject("SELECT total_points FROM match_candidate WHERE request_id = ? AND ranking = 10",
                java.math.BigDecimal.class, request)).isEqualByComparingTo("5.671");
    }

    private List<Long> ranked(long request) {
        return jdbc.queryForList("SELECT mentor_member_id FROM match_candidate WHERE request_id = ? ORDER BY ranking", Long.class, request);
    }

    private long insertMember(String name, String kind, String industry, String expertise, String languages, String[] place, int capacity) {
        Timestamp now = Timestamp.from(Instant.now());
        String email = name + "@" + marker + ".example";
        jdbc.update("INSERT INTO data_subject (email, display_name, created_at, version) VALUES (?, ?, ?, 0)", email, name, now);
        long subject = jdbc.queryForObject("SELECT id FROM data_subject WHERE email = ?", Long.class, email);
        jdbc.update("""
                INSERT INTO member_profile (subject_id, kind, postal_code, city, industry, expertise, languages, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""", subject, kind, place[0], place[1], industry, expertise, languages, now);
        jdbc.update("INSERT INTO member (subject_id, status, essential_communications, joined_at, version) VALUES (?, 'ACTIVE', TRUE, ?, 0)",
                subject, now);
        long member = jdbc.queryForObject("SELECT id FROM member WHERE subject_id = ?", Long.class, subject);
        jdbc.update("""
                INSERT INTO match_profile (member_id, subject_id, kind, capacity, time_zone, created_at, updated_at)
                VALUES (?, ?, ?, ?, NULL, ?, ?)""", member, subject, kind, capacity, now, now);
        return member;
    }

    private long insertRequest(long entrepreneur, String need, String language) {
        jdbc.update("""
                INSERT INTO match_request (entrepreneur_member_id, need, language, status, requested_by, requested_at)
                VALUES (?, ?, ?, 'SCORING', 'test', ?)""", entrepreneur, need, language, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT MAX(id) FROM match_request WHERE entrepreneur_member_id = ?", Long.class, entrepreneur);
    }
}
