package org.steward.consent;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code steward.consent.*} (CON-3 to CON-7).
 *
 * @param defaultValidity        how long a consent lasts (CON-3, default P12M)
 * @param validity               per purpose, overriding the default ({@code steward.consent.validity.MARKETING=P6M})
 * @param renewalRequestBefore   the renewal request goes this long before expiry (P30D)
 * @param reminderBefore         the reminder goes this long before expiry (P7D)
 * @param releaseAnswerWithin    how long a member has to confirm a promotion release (CON-4, P14D)
 * @param friendAddressKeptFor   how long an invited friend's address is kept (CON-7, P90D)
 * @param linkValidity           lifetime of preferences and invitation links in member mail (P30D)
 * @param unsubscribeLinkValidity lifetime of a newsletter's unsubscribe link (P90D)
 * @param policyNoticeBusinessDays minimum business days between publishing a policy and its effective date (CON-6, 30)
 */
@ConfigurationProperties(prefix = "steward.consent")
public record ConsentProperties(Period defaultValidity, Map<String, Period> validity, Period renewalRequestBefore,
                                Period reminderBefore, Period releaseAnswerWithin, Period friendAddressKeptFor,
                                Period linkValidity, Period unsubscribeLinkValidity, Integer policyNoticeBusinessDays) {

    public ConsentProperties {
        defaultValidity = defaultValidity == null ? Period.ofMonths(12) : defaultValidity;
        validity = validity == null ? Map.of() : Map.copyOf(validity);
        renewalRequestBefore = renewalRequestBefore == null ? Period.ofDays(30) : renewalRequestBefore;
        reminderBefore = reminderBefore == null ? Period.ofDays(7) : reminderBefore;
        releaseAnswerWithin = releaseAnswerWithin == null ? Period.ofDays(14) : releaseAnswerWithin;
        friendAddressKeptFor = friendAddressKeptFor == null ? Period.ofDays(90) : friendAddressKeptFor;
        linkValidity = linkValidity == null ? Period.ofDays(30) : linkValidity;
        unsubscribeLinkValidity = unsubscribeLinkValidity == null ? Period.ofDays(90) : unsubscribeLinkValidity;
        policyNoticeBusinessDays = policyNoticeBusinessDays == null ? 30 : policyNoticeBusinessDays;
    }

    /** How long a consent to this purpose lasts (CON-3). */
    public Period validityOf(String purpose) {
        return validity.getOrDefault(purpose, defaultValidity);
    }
}
