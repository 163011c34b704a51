package org.steward.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Public: the application form and API, emailed links, static assets, health.
 * Everything else needs a staff login (form login for people, HTTP Basic for API clients).
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /** Camunda's REST API: stateless HTTP Basic, so no session and no CSRF surface. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        return http.securityMatcher("/engine-rest/**")
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        // Requests that carry credentials themselves (API clients) cannot be forged cross-site.
        RequestMatcher carriesCredentials = request -> request.getHeader("Authorization") != null;
        return http
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/apply", "/apply/**", "/links/**", "/login", "/error",
                                "/css/**", "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/applications").permitAll()
                        .requestMatchers("/dev/mail", "/dev/mail/**").permitAll()
                        .requestMatchers("/camunda/app/welcome/**").permitAll()
                        // Checked before the body is read, so the unauthorised learn nothing from validation.
                        .requestMatchers(HttpMethod.POST, "/api/incidents").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.SECURITY_OFFICERS), StaffGroups.authority(StaffGroups.ADMINS))
                        .requestMatchers(HttpMethod.POST, "/api/organisations/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.ADMINS))
                        .requestMatchers(HttpMethod.PUT, "/api/organisations/*/security-contacts").hasAuthority(
                                StaffGroups.authority(StaffGroups.ADMINS))
                        .requestMatchers(HttpMethod.PUT, "/api/organisations/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.ADMINS))
                        // Consent (issue 11): newsletters and releases by program staff, policies by privacy officers.
                        .requestMatchers(HttpMethod.POST, "/api/newsletters", "/api/releases").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.ADMINS))
                        .requestMatchers(HttpMethod.POST, "/api/policies").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.PRIVACY_OFFICERS), StaffGroups.authority(StaffGroups.ADMINS))
                        .requestMatchers(HttpMethod.POST, "/api/members/*/consents").hasAnyAuthority(StaffGroups.authority(
                                StaffGroups.PROGRAM_STAFF), StaffGroups.authority(StaffGroups.PRIVACY_OFFICERS), StaffGroups.authority(StaffGroups.ADMINS))
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Camunda's webapps bring their own CSRF protection (X-XSRF-TOKEN).
                // RFC 8058 one-click unsubscribe is a cookie-less POST from the mail provider: the link's token is its proof.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/api/applications", "/links/unsubscribe/*")
                        .ignoringRequestMatchers(carriesCredentials))
                .build();
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
