package org.steward.security;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;

/**
 * Who may reach what. Public: the application form and API, emailed links, static assets, health.
 * Everything else needs a staff login. Three filter chains (issue 7, findings 4, 8, 9):
 * <ol>
 *   <li>/engine-rest: HTTP Basic on every request, never the browser session;</li>
 *   <li>any request carrying HTTP Basic credentials (API clients): Basic must sign it in, the session is
 *       not used, so there is nothing to forge and no CSRF check;</li>
 *   <li>everything else (people): form login, a session, CSRF tokens on every change.</li>
 * </ol>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /**
     * Our pages load scripts, styles, images and forms only from here and are never framed. Inline
     * styles stay allowed (a few style attributes in the templates); inline scripts do not.
     * Camunda's webapps send their own policy, which their scripts need.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Spring Security would otherwise wrap each filter of each chain in an observation (a timer and a span) on every
     * request, no-op or not: a few per cent of a request's CPU under ApplicationFlowBenchmark (issue 14). The request
     * itself is still timed (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    Problems securityProblems(ObjectMapper json) {
        return new Problems(json);
    }

    @Bean
    StaffEntryPoint staffEntryPoint(Problems problems, ApplicationContext context) {
        return new StaffEntryPoint(problems, new RequestTargets(context));
    }

    /** Camunda's REST API: HTTP Basic on every request; a session cookie alone is not enough. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, StaffEntryPoint entryPoint,
                                   Problems problems, ObjectMapper json) throws Exception {
        return stateless(http.securityMatcher(StaffRequests::isEngineRest), provider, entryPoint)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterAfter(new EngineApiGuard(problems, json), AuthorizationFilter.class)
                .build();
    }

    /** API clients: a request with Basic credentials is signed in by them alone, or refused with 401. */
    @Bean
    @Order(2)
    SecurityFilterChain basicClients(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, StaffEntryPoint entryPoint,
                                     Problems problems, ObjectMapper json) throws Exception {
        return stateless(http.securityMatcher(StaffRequests::carriesBasicCredentials), provider, entryPoint)
                .authorizeHttpRequests(SecurityConfig::stewardRules)
                .addFilterAfter(new EngineApiGuard(problems, json), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain application(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, StaffEntryPoint entryPoint,
                                    Problems problems, ObjectMapper json, StaffLanding landing) throws Exception {
        return http
                .authenticationManager(staffSignIn(provider))
                .authorizeHttpRequests(SecurityConfig::stewardRules)
                .formLogin(form -> form.loginPage("/login").successHandler(landing).failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                // Camunda's webapps bring their own CSRF protection (X-XSRF-TOKEN, checked first by CamundaXsrfGuard).
                // RFC 8058 one-click unsubscribe is a cookie-less POST from the mail provider: the link's token is its proof.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/api/applications", "/api/privacy-requests", "/links/unsubscribe/*"))
                .headers(SecurityConfig::headers)
                .addFilterAfter(new CamundaXsrfGuard(problems), AuthorizationFilter.class)
                .addFilterAfter(new EngineApiGuard(problems, json), AuthorizationFilter.class)
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                          StaffEntryPoint entryPoint) throws Exception {
        return http
                .authenticationManager(staffSignIn(provider))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Never read the security context from the session: a cookie must not stand in for credentials.
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfig::headers);
    }

    /**
     * Only Camunda's identity service, with no parent manager: a parent would check a failed password a
     * second time, and the sign-in throttle would count it twice.
     */
    private static ProviderManager staffSignIn(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /** Steward's own rules; the default is "signed in". Shared by the Basic and the session chain. */
    private static void stewardRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        String[] staff = StaffGroups.ALL.stream().map(StaffGroups::authority).toArray(String[]::new);
        auth.requestMatchers("/", "/apply", "/apply/**", "/privacy", "/links/**", "/login", LoginFailureHandler.THROTTLED_PAGE, "/error",
                        "/css/**", "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/applications").permitAll()
                // Data-subject requests (DSR-2): anyone asks, with an address; reading them is for staff.
                .requestMatchers(HttpMethod.POST, "/api/privacy-requests").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/privacy-requests/on-behalf", "/api/privacy-requests/*/lift-restriction",
                        "/api/privacy-requests/*/extension").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.PRIVACY_OFFICERS), StaffGroups.authority(StaffGroups.ADMINS))
                // Every mail with its link tokens: staff only, even on loopback (issue 7, finding 1).
                .requestMatchers("/dev/mail", "/dev/mail/**").hasAnyAuthority(staff)
                .requestMatchers("/camunda/app/welcome/**").permitAll()
                // Checked before the body is read, so the unauthorised learn nothing from validation.
                .requestMatchers(HttpMethod.POST, "/api/incidents").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.SECURITY_OFFICERS), StaffGroups.authority(StaffGroups.ADMINS))
                // Organisations are staff reading (an operator's account sees metrics, not the register).
                .requestMatchers(HttpMethod.GET, "/api/organisations", "/api/organisations/**", "/staff/organisations",
                        "/staff/organisations/**").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.POST, "/api/organisations/**").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.ADMINS))
                .requestMatchers(HttpMethod.PUT, "/api/organisations/*/security-contacts", "/api/organisations/*/administrator").hasAuthority(
                        StaffGroups.authority(StaffGroups.ADMINS))
                .requestMatchers(HttpMethod.PUT, "/api/organisations/**").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.ADMINS))
                // Consent (issue 11): newsletters and releases by program staff, policies by privacy officers.
                .requestMatchers(HttpMethod.POST, "/api/newsletters", "/api/releases").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.ADMINS))
                .requestMatchers(HttpMethod.POST, "/api/policies").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.PRIVACY_OFFICERS), StaffGroups.authority(StaffGroups.ADMINS))
                .requestMatchers(HttpMethod.POST, "/api/members/*/consents").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.PRIVACY_OFFICERS),
                        StaffGroups.authority(StaffGroups.ADMINS))
                // Matching (issue 12): program staff start requests and close matches; the controllers check reads.
                .requestMatchers(HttpMethod.POST, "/api/match-requests", "/api/matches/*/close").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.ADMINS))
                // The auditors' view (AUD-1, AUD-2, AUD-4): auditors and administrators only; the controllers check it too.
                .requestMatchers("/audit", "/audit/**", "/api/audit/**").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.AUDITORS), StaffGroups.authority(StaffGroups.ADMINS))
                // Metrics (issue 14): operators (a Prometheus scraper's account) and administrators; health stays public.
                .requestMatchers("/actuator/prometheus", "/actuator/prometheus/**").hasAnyAuthority(
                        StaffGroups.authority(StaffGroups.OPERATORS), StaffGroups.authority(StaffGroups.ADMINS))
                .requestMatchers("/actuator/**").hasAuthority(StaffGroups.authority(StaffGroups.ADMINS))
                .anyRequest().authenticated();
    }

    /** No referrer anywhere (link tokens are in URLs); our content security policy on our own pages. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !StaffRequests.isCamundaWebapp(request),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)));
    }

    /** Hands the Spring Security login to Tasklist, Cockpit and Admin. Runs after Spring Security. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityToCamunda.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    /** Makes the engine apply Camunda authorizations to /engine-rest callers. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityToCamunda.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(101);
        return registration;
    }
}
