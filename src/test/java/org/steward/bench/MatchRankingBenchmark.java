package org.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steward.matching.MatchRequests;
import org.steward.matching.NaiveMatchRanking;
import org.steward.matching.ScoringInputsBackfill;
import org.steward.support.IntegrationTest;
import org.steward.support.RandomProfileText;

/**
 * MAT-1 at scale, run on demand (see bench/README.md): N mentor profiles (default 100,000; 1 % deactivated, 1 %
 * objecting), one entrepreneur and R requests (default 100) with different needs and languages. Each request is
 * ranked by the real path ({@link MatchRequests#scoreCandidates}: matching's copy of the scoring inputs read with plain
 * SQL, the best-scoring industries first and only as far as they can still make the list, the do-not-process set asked
 * once, a top-10 heap, the ten rows written) and, in a second phase of the same run, by a
 * naive load-every-mentor-score-all-and-sort ({@link NaiveMatchRanking}); both must return the same ten. Reports
 * p50, p95 and max per request, bytes allocated per request and the heap's peak per phase. On MariaDB/MySQL when
 * -Dsteward.it.jdbc-url names one, else on in-memory H2. Figures on lines starting with BENCH.
 */
@Tag("bench")
class MatchRankingBenchmark extends IntegrationTest {

    private static final boolean REAL_DATABASE = !System.getProperty("steward.it.jdbc-url", "").isBlank();
    private static final int MENTORS = Integer.getInteger("bench.mentors", 100_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 100);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 5);

    private static final String[] INDUSTRIES = {"Software", "Food and drink", "Retail", "Logistics", "Healthcare", "Education",
            "Fashion", "Construction", "Energy", "Finance", "Tourism", "Media", "Agriculture", "Manufacturing", "Crafts",
            "Real estate", "Transport", "Beauty", "Sports", "Consulting"};
    private static final String[] WORDS = ("pricing sales marketing hiring teams scaling funding investors export import "
            + "logistics supply chain accounting tax legal contracts branding social media online shop customers service "
            + "product design prototyping manufacturing quality operations leadership management strategy growth partnerships "
            + "negotiation pitching grants bookkeeping cash flow payroll recruiting culture remote software data analytics "
            + "security cloud mobile apps retail wholesale franchising restaurants catering bakery food safety packaging "
            + "sustainability energy construction property tourism events fashion textiles crafts healthcare education").split(" ");
    private static final String[] LANGUAGES = {"English", "German", "Portuguese", "Spanish", "French", "Turkish", "Arabic", "Polish"};
    private static final String[][] PLACES = {{"10115", "Berlin"}, {"20095", "Hamburg"}, {"80331", "Munich"}, {"50667", "Cologne"},
            {"60311", "Frankfurt"}, {"70173", "Stuttgart"}, {"40213", "Dusseldorf"}, {"04109", "Leipzig"}, {"01067", "Dresden"},
            {"30159", "Hanover"}, {"90402", "Nuremberg"}, {"28195", "Bremen"}, {"44135", "Dortmund"}, {"45127", "Essen"},
            {"1000-001", "Lisbon"}, {"4000-001", "Porto"}, {"28001", "Madrid"}, {"08001", "Barcelona"}, {"75001", "Paris"},
            {"69001", "Lyon"}};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (REAL_DATABASE) {
            registry.add("spring.datasource.url", () -> System.getProperty("steward.it.jdbc-url"));
            registry.add("spring.datasource.username", () -> System.getProperty("steward.it.jdbc-user", "root"));
            registry.add("spring.datasource.password", () -> System.getProperty("steward.it.jdbc-password", ""));
        }
    }

    @Autowired
    private MatchRequests requests;
    @Autowired
    private ApplicationContext context;

    private final Random random = new Random(12);
    private final RandomProfileText text = new RandomProfileText(random, WORDS, LANGUAGES);
    private final Map<String, String> figures = new LinkedHashMap<>();

    @Test
    void rankOneRequestAmongAHundredThousandMentors_nextToLoadAllAndSort() {
        long start = System.nanoTime();
        insertMentors();
        long entrepreneur = insertEntrepreneur();
        List<Long> requestIds = insertRequests(entrepreneur);
        // Written straight into the members' tables, so no event filled matching's copy of the scoring inputs: the
        // V21 migration's own backfill statements fill it, the SQL that filled it for every existing member.
        ScoringInputsBackfill.run(jdbc);
        figures.put("set-up: " + MENTORS + " mentors, " + REQUESTS + " requests", "%.1f s".formatted((System.nanoTime() - start) / 1e9));
        figures.put("mentors eligible (active, not objecting)", String.valueOf(jdbc.queryForObject("""
                SELECT COUNT(*) FROM match_profile p JOIN member m ON m.id = p.member_id WHERE p.kind = 'MENTOR' AND m.status = 'ACTIVE'
                AND NOT EXISTS (SELECT 1 FROM processing_restriction r WHERE r.subject_id = p.subject_id AND r.lifted_at IS NULL)""",
                Long.class)));

        NaiveMatchRanking naive = new NaiveMatchRanking(context);
        Map<Long, List<Long>> naiveResults = new LinkedHashMap<>();
        measure("real (read model, narrowed by industry and language in SQL, top-10 heap, rows written)", requestIds, id -> requests.scoreCandidates(id));
        measure("naive (load all, score all, sort all)", requestIds, id -> naiveResults.put(id, naive.rank(id)));

        for (long id : requestIds) {
            List<Long> stored = jdbc.queryForList("SELECT mentor_member_id FROM match_candidate WHERE request_id = ? ORDER BY ranking",
                    Long.class, id);
            assertThat(stored).as("request %d", id).hasSize(10).isEqualTo(naiveResults.get(id));
        }

        System.out.printf("%nBENCH mentors=%d requests=%d database=%s cores=%d max-heap=%d MB%n", MENTORS, REQUESTS,
                REAL_DATABASE ? "MariaDB/MySQL" : "H2", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        figures.forEach((what, value) -> System.out.println("BENCH " + what + ": " + value));
        System.out.println();
    }

    /** Warm-up, then each request once: latency per request, bytes allocated on this thread, peak heap of the phase. */
    private void measure(String name, List<Long> requestIds, LongConsumer rank) {
        requestIds.subList(0, Math.min(WARM_UP, requestIds.size())).forEach(rank::accept);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        long heapBefore = heapUsed();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        double[] millis = new double[requestIds.size()];
        long allocated = 0;
        for (int i = 0; i < requestIds.size(); i++) {
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long t = System.nanoTime();
            rank.accept(requestIds.get(i));
            millis[i] = (System.nanoTime() - t) / 1e6;
            allocated += threads.getCurrentThreadAllocatedBytes() - bytes;
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Arrays.sort(millis);
        figures.put(name + ": p50 / p95 / max per request", "%.0f / %.0f / %.0f ms".formatted(percentile(millis, 50),
                percentile(millis, 95), millis[millis.length - 1]));
        figures.put(name + ": allocated per request", "%.1f MB".formatted(allocated / (double) requestIds.size() / (1024 * 1024)));
        figures.put(name + ": heap peak during the phase (used before: %d MB)".formatted(heapBefore / (1024 * 1024)),
                "%d MB".formatted(peak / (1024 * 1024)));
        figures.forEach((what, value) -> System.out.println("BENCH (so far) " + what + ": " + value));
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void insertMentors() {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MENTORS; i++) {
            rows.add(new Object[] {"mentor" + i + "@rank.bench.example", "Bench Mentor " + i, now});
            if (rows.size() == 5000 || i == MENTORS - 1) {
                jdbc.batchUpdate("INSERT INTO data_subject (email, display_name, created_at, version) VALUES (?, ?, ?, 0)", rows);
                rows.clear();
            }
        }
        List<Long> subjects = jdbc.queryForList("SELECT id FROM data_subject WHERE email LIKE '%@rank.bench.example' ORDER BY id", Long.class);
        for (int i = 0; i < subjects.size(); i++) {
            String[] place = PLACES[random.nextInt(PLACES.length)];
            rows.add(new Object[] {subjects.get(i), place[0], place[1], INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                    text.words(6 + random.nextInt(10)), text.languages(1 + random.nextInt(3)), now});
            if (rows.size() == 5000 || i == subjects.size() - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO member_profile (subject_id, kind, postal_code, city, industry, expertise, languages, updated_at, version)
                        VALUES (?, 'MENTOR', ?, ?, ?, ?, ?, ?, 0)""", rows);
                rows.clear();
            }
        }
        jdbc.update("""
                INSERT INTO member (subject_id, status, essential_communications, joined_at, version)
                SELECT id, CASE WHEN MOD(id, 100) = 7 THEN 'DEACTIVATED' ELSE 'ACTIVE' END, TRUE, ?, 0
                FROM data_subject WHERE email LIKE '%@rank.bench.example'""", now);
        jdbc.update("""
                INSERT INTO match_profile (member_id, subject_id, kind, capacity, time_zone, created_at, updated_at)
                SELECT m.id, m.subject_id, 'MENTOR', 1 + MOD(m.id, 3), NULL, ?, ? FROM member m JOIN data_subject s ON s.id = m.subject_id
                WHERE s.email LIKE '%@rank.bench.example'""", now, now);
        jdbc.update("""
                INSERT INTO processing_restriction (subject_id, request_id, reason, flagged_at)
                SELECT id, 0, 'OBJECTION', ? FROM data_subject WHERE email LIKE '%@rank.bench.example' AND MOD(id, 100) = 13""", now);
    }

    private long insertEntrepreneur() {
        Timestamp now = Timestamp.from(Instant.now());
        String email = "founder@rank.bench.example";
        jdbc.update("INSERT INTO data_subject (email, display_name, created_at, version) VALUES (?, 'Bench Founder', ?, 0)", email, now);
        long subject = jdbc.queryForObject("SELECT id FROM data_subject WHERE email = ?", Long.class, email);
        jdbc.update("""
                INSERT INTO member_profile (subject_id, kind, postal_code, city, industry, expertise, languages, updated_at, version)
                VALUES (?, 'ENTREPRENEUR', '10117', 'Berlin', 'Food and drink', 'Bakery', 'English,German', ?, 0)""", subject, now);
        jdbc.update("INSERT INTO member (subject_id, status, essential_communications, joined_at, version) VALUES (?, 'ACTIVE', TRUE, ?, 0)",
                subject, now);
        long member = jdbc.queryForObject("SELECT id FROM member WHERE subject_id = ?", Long.class, subject);
        jdbc.update("""
                INSERT INTO match_profile (member_id, subject_id, kind, capacity, time_zone, created_at, updated_at)
                VALUES (?, ?, 'ENTREPRENEUR', 0, NULL, ?, ?)""", member, subject, now, now);
        return member;
    }

    private List<Long> insertRequests(long entrepreneur) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            jdbc.update("""
                    INSERT INTO match_request (entrepreneur_member_id, need, language, status, requested_by, requested_at)
                    VALUES (?, ?, ?, 'SCORING', 'bench', ?)""", entrepreneur, "I need help with " + text.words(4 + random.nextInt(8)),
                    LANGUAGES[random.nextInt(LANGUAGES.length)], now);
            ids.add(jdbc.queryForObject("SELECT MAX(id) FROM match_request", Long.class));
        }
        return ids;
    }
}
