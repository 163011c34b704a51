package org.steward.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.util.Base64;
import java.util.HexFormat;

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

    LinkService(MemberLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** Creates a link and returns its token, to be put in an email and nowhere else. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(String purpose, long subjectId, TemporalAmount validity) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        links.save(new MemberLink(hash(token), purpose, subjectId, now.plus(validity), now));
        return token;
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

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
