package org.voipguard.enforcement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web parts of {@code serve} that are not components of their own. */
@Configuration
@ConditionalOnWebApplication
class ServeConfiguration {

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerToken(ServeProperties properties) {
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(properties.token()));
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
