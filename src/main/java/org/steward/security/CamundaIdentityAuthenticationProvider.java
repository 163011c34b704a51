package org.steward.security;

import java.util.List;
import java.util.Optional;
import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff sign in with the users, passwords and groups kept in Camunda's identity service. Form login
 * and HTTP Basic both come through here, so this is where failed attempts are throttled
 * ({@link LoginThrottle}); Camunda's own lockout is switched off in application.properties.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final TransactionTemplate transaction;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
                                          PlatformTransactionManager transactionManager) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName() == null ? "" : authentication.getName();
        Object credentials = authentication.getCredentials();
        String address = clientAddress(authentication);
        Optional<Duration> wait = throttle.check(userId, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        Optional<List<String>> groups = userId.isBlank() || credentials == null ? Optional.empty()
                : checkPasswordAndReadGroups(userId, credentials.toString());
        if (groups.isEmpty()) {
            throttle.failed(userId, address, exists(userId) ? userId : null);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(userId, address);
        List<GrantedAuthority> authorities = groups.get().stream()
                .map(StaffGroups::authority)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /**
     * The password check and the group lookup in one transaction: every HTTP Basic request signs in again, and
     * two engine commands would otherwise each open and commit one of their own. Returns empty on a wrong
     * password, without throwing inside the transaction, so whatever the check records is kept.
     */
    private Optional<List<String>> checkPasswordAndReadGroups(String userId, String password) {
        return transaction.execute(status -> identityService.checkPassword(userId, password)
                ? Optional.of(StaffGroups.memberships(identityService, userId)) : Optional.empty());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client's address as the container sees it (behind a proxy: see server.forward-headers-strategy). */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    private boolean exists(String userId) {
        return !userId.isBlank() && identityService.createUserQuery().userId(userId).count() > 0;
    }
}
