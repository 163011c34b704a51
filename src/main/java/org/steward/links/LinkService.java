package org.steward.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links for people who never log in. A token has 256 random bits, is bound to one purpose and one
 * record, expires, and is stored only as a hash. {@link #check} is for GET (shows a page, changes
 * nothing); {@link #consume} is for the POST that acts, and succeeds once.
 */
@Service
public class LinkService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final MemberLinkRepository links;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    LinkService(MemberLinkRepository links, Clock clock, JdbcTemplate jdbc) {
        this.links = links;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Creates a link and returns its token, to be put in an email and nowhere else. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(String purpose, long subjectId, TemporalAmount validity) {
        String token = newToken();
        Instant now = clock.instant();
        links.save(new MemberLink(hash(token), purpose, subjectId, now.plus(validity), now));
        return token;
    }

    /**
     * The bulk path (a link in each of a thousand mails): one token per record, in the order given,
     * written with one batched insert in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> issueAll(String purpose, List<Long> subjectIds, TemporalAmount validity) {
        Instant now = clock.instant();
        Timestamp created = Timestamp.from(now);
        Timestamp expires = Timestamp.from(now.plus(validity));
        List<String> tokens = new ArrayList<>(subjectIds.size());
        List<Object[]> rows = new ArrayList<>(subjectIds.size());
        for (Long subjectId : subjectIds) {
            String token = newToken();
            tokens.add(token);
            rows.add(new Object[] {hash(token), purpose, subjectId, expires, created});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO member_link (token_hash, purpose, subject_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)", rows);
        }
        return tokens;
    }

    /** Validates a link without using it up. */
    @Transactional(readOnly = true)
    public ValidLink check(String purpose, String token) {
        MemberLink link = find(purpose, token);
        if (link.getUsedAt() != null) {
            throw new InvalidLinkException(InvalidLinkException.Reason.USED);
        }
        if (!link.getExpiresAt().isAfter(clock.instant())) {
            throw new InvalidLinkException(InvalidLinkException.Reason.EXPIRED);
        }
        return new ValidLink(link.getPurpose(), link.getSubjectId());
    }

    /**
     * Uses the link up, in the caller's transaction, so that the state change it guards commits
     * together with it. Of two concurrent calls exactly one succeeds.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ValidLink consume(String purpose, String token) {
        if (links.consume(hash(token), purpose, clock.instant()) == 1) {
            MemberLink link = find(purpose, token);
            return new ValidLink(link.getPurpose(), link.getSubjectId());
        }
        check(purpose, token); // throws with the reason
        throw new InvalidLinkException(InvalidLinkException.Reason.USED);
    }

    /** Makes every open link of this purpose for this record unusable (the thing it offered is gone). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revoke(String purpose, long subjectId) {
        links.revoke(purpose, subjectId, clock.instant());
    }

    private MemberLink find(String purpose, String token) {
        if (token == null || token.length() > 100) {
            throw new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN);
        }
        return links.findByTokenHash(hash(token))
                .filter(link -> link.getPurpose().equals(purpose))
                .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN));
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a token, as stored: lets a record name the link used (evidence) without keeping the token. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
