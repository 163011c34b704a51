package org.steward.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    private final NamedParameterJdbcTemplate jdbc;

    LinkService(MemberLinkRepository links, Clock clock, NamedParameterJdbcTemplate jdbc) {
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
     * {@link #issue} for many records at once (one link each, for a bulk mailing): one batched INSERT.
     *
     * @return record id → token, for the mails and nowhere else
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, String> issueAll(String purpose, Collection<Long> subjectIds, TemporalAmount validity) {
        Instant now = clock.instant();
        Map<Long, String> tokens = new LinkedHashMap<>();
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Long subjectId : subjectIds) {
            if (tokens.containsKey(subjectId)) {
                continue;
            }
            String token = newToken();
            tokens.put(subjectId, token);
            rows.add(new MapSqlParameterSource("hash", hash(token)).addValue("purpose", purpose)
                    .addValue("subject", subjectId).addValue("expires", asStored(now.plus(validity)))
                    .addValue("now", asStored(now)));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO member_link (token_hash, purpose, subject_id, expires_at, created_at) "
                    + "VALUES (:hash, :purpose, :subject, :expires, :now)", rows.toArray(MapSqlParameterSource[]::new));
        }
        return tokens;
    }

    /** RET-1: expired links are deleted; one opened afterwards is as unknown as a made-up one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deleteExpired(Instant asOf) {
        return jdbc.update("DELETE FROM member_link WHERE expires_at < :now", new MapSqlParameterSource("now", asStored(asOf)));
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

    /**
     * Deletes every link of this purpose for this record, used or not: the record is erased (DSR-7), and
     * a click then finds no link at all, the same "link not valid" page as any unknown link.
     *
     * @return the number of links deleted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forget(String purpose, long subjectId) {
        return links.forget(purpose, subjectId);
    }

    private MemberLink find(String purpose, String token) {
        if (token == null || token.length() > 100) {
            throw new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN);
        }
        return links.findByTokenHash(hash(token))
                .filter(link -> link.getPurpose().equals(purpose))
                .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN));
    }

    /** As JPA stores an instant in member_link (hibernate.jdbc.time_zone=UTC), whatever the JVM's time zone. */
    private static Timestamp asStored(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
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
