package org.voipguard.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;
import org.voipguard.config.VoipGuardProperties;

/** SMTP when {@code spring.mail.host} is set (and not blank), {@code .eml} files otherwise. */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    static final String MAIL_HOST = "spring.mail.host";

    @Bean
    @Conditional(MailHostSet.class)
    MailTransport smtpTransport(JavaMailSender sender, Environment environment, VoipGuardProperties properties) {
        return new SmtpTransport(sender, environment.getProperty(MAIL_HOST),
                environment.getProperty("spring.mail.port", Integer.class), properties.mail().connections());
    }

    @Bean
    @Conditional(MailHostNotSet.class)
    MailTransport emlDirectoryTransport(VoipGuardProperties properties) {
        return new EmlDirectoryTransport(properties.outboxDir(), properties.timeZone());
    }

    static final class MailHostSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(MAIL_HOST));
        }
    }

    static final class MailHostNotSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(MAIL_HOST));
        }
    }
}
