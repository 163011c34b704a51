package org.steward.matching;

import java.time.temporal.TemporalAmount;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.links.LinkService;
import org.steward.links.ValidLink;
import org.steward.system.StewardProperties;

/** The member links of matching: what each token opens (purpose), which record it points at, and full URLs. */
@Component
class MatchingLinks {

    /** Record: member id. */
    static final String PROFILE = "match-profile";
    /** Record: the entrepreneur's member id. */
    static final String REQUEST = "match-request";
    /** Record: the attempt id (MAT-3). */
    static final String ANSWER = "match-answer";
    /** Record: the check-in id (MAT-6). */
    static final String CHECK_IN = "match-check-in";
    /** Record: the party id of the side that may close (MAT-6). */
    static final String CLOSE = "match-close";
    /** Record: the feedback id (MAT-6). */
    static final String FEEDBACK = "match-feedback";
    /** Record: the party id of the side whose public profile it shows (MAT-4); GET only, never used up. */
    static final String PARTNER = "match-partner";

    private final LinkService links;
    private final StewardProperties properties;

    MatchingLinks(LinkService links, StewardProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    /** A full URL under /links/{purpose}/{token}: the page path is the purpose. */
    @Transactional(propagation = Propagation.MANDATORY)
    String issue(String purpose, long recordId, TemporalAmount validity) {
        return properties.baseUrl() + "/links/" + purpose + "/" + links.issue(purpose, recordId, validity);
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

    @Transactional(propagation = Propagation.MANDATORY)
    int forget(String purpose, long recordId) {
        return links.forget(purpose, recordId);
    }
}
