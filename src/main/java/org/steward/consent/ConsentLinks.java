package org.steward.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.links.LinkService;
import org.steward.links.ValidLink;
import org.steward.system.StewardProperties;

/**
 * The links of consent mail: purposes (what a token opens), full URLs, and the evidence a ledger row
 * keeps of the link used (its SHA-256, as stored; never the token).
 */
@Component
class ConsentLinks {

    static final String PREFERENCES = "consent-preferences";
    static final String RENEWAL = "consent-renewal";
    static final String UNSUBSCRIBE = "consent-unsubscribe";
    static final String RELEASE = "consent-release";
    static final String INVITE = "consent-invite";
    static final String FRIEND_REMOVAL = "consent-friend-removal";

    private final LinkService links;
    private final StewardProperties properties;

    ConsentLinks(LinkService links, StewardProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    /** One link per record, for a chunk of mails; full URLs under /links/{page}/. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> issueAll(String purpose, String page, List<Long> recordIds, TemporalAmount validity) {
        Map<Long, String> tokens = links.issueAll(purpose, recordIds, validity);
        return recordIds.stream().map(id -> url(page, tokens.get(id))).toList();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String issue(String purpose, String page, long recordId, TemporalAmount validity) {
        return url(page, links.issue(purpose, recordId, validity));
    }

    ValidLink check(String purpose, String token) {
        return links.check(purpose, token);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ValidLink consume(String purpose, String token) {
        return links.consume(purpose, token);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void revoke(String purpose, long recordId) {
        links.revoke(purpose, recordId);
    }

    /** What a ledger row records as the evidence of a link (CON-1). */
    static String evidence(String purpose, String token) {
        return "link:" + purpose + ":sha256=" + LinkService.hash(token);
    }

    /** A validity that ends at {@code until} but is at least a day (a timer that fired late still gives a usable link). */
    static TemporalAmount until(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        return left.compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : left;
    }

    private String url(String page, String token) {
        return properties.baseUrl() + "/links/" + page + "/" + token;
    }
}
