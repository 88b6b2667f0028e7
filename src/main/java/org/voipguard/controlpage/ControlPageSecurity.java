package org.voipguard.controlpage;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.voipguard.users.Role;
import org.voipguard.users.UserAccounts;

/**
 * Who may see what in {@code serve}. The switch API ({@code /v1}, with its own bearer token)
 * and the health and metrics endpoints stay as they were, outside any login; every page needs a
 * form login by a user of {@code users add}. Only a web application (serve) has any of this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ControlPageSecurity {

    /** No scripts at all, styles and images from the service only, no framing, forms post to the service only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain switchApiAndMonitoring(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v1/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/css/**").permitAll()
                        .anyRequest().hasAnyRole(Role.OPERATOR.name(), Role.ANALYST.name()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    @Bean
    UserDetailsService controlPageUsers(UserAccounts accounts) {
        return name -> accounts.find(name)
                .map(account -> User.withUsername(account.name()).password(account.passwordHash())
                        .roles(account.role().name()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    PasswordEncoder controlPagePasswords() {
        return UserAccounts.passwordEncoder();
    }
}
