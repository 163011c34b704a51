package org.steward.mail;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.steward.system.StewardProperties;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from email-templates/: NAME.html, NAME.txt and the subject NAME.subject in
 * messages.properties (localisable through messages_xx.properties).
 */
@Component
class MailRenderer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final StewardProperties properties;

    MailRenderer(StewardProperties properties) {
        this.properties = properties;
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("email-templates/messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        this.messages = bundle;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(bundle);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("email-templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        return resolver;
    }

    RenderedMail render(Mail mail) {
        Map<String, Object> model = new HashMap<>(mail.model());
        model.putIfAbsent("baseUrl", properties.baseUrl());
        Context context = new Context(mail.locale(), model);
        String subject = messages.getMessage(mail.template() + ".subject", subjectArguments(model), mail.locale());
        String html = engine.process(mail.template() + ".html", context);
        String text = engine.process(mail.template() + ".txt", context);
        return new RenderedMail(subject, html, text);
    }

    /**
     * A subject that says what staff wrote (a newsletter's subject) is NAME.subject={0}, filled from the
     * model's {@code subjectArguments}; every other subject is taken as written (no arguments).
     */
    private static Object[] subjectArguments(Map<String, Object> model) {
        return model.get(Mail.SUBJECT_ARGUMENTS) instanceof java.util.List<?> arguments ? arguments.toArray() : null;
    }
}
