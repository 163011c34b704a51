package org.steward.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 7 finding 6: whom the per-address limit counts as one client. */
class ClientKeyTest {

    @Test
    void anIpv4AddressIsOneClient() {
        assertThat(ApplicationRateLimits.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ApplicationRateLimits.clientKey("203.0.113.8")).isNotEqualTo(ApplicationRateLimits.clientKey("203.0.113.7"));
    }

    @Test
    void theAddressesOfOneIpv6Prefix_countAsOneClient() {
        assertThat(ApplicationRateLimits.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ApplicationRateLimits.clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo("20010db800010002/64");
        assertThat(ApplicationRateLimits.clientKey("2001:db8:1:3::1")).isNotEqualTo(ApplicationRateLimits.clientKey("2001:db8:1:2::1"));
        assertThat(ApplicationRateLimits.clientKey("0:0:0:0:0:0:0:1")).isEqualTo("0000000000000000/64");
    }
}
