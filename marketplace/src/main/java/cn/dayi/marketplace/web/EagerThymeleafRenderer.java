package cn.dayi.marketplace.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

/**
 * Renders a page completely before the response starts. Micronaut's renderer writes the template
 * into the response as it goes; a template that fails half-way then leaves the browser waiting on
 * a response that never ends (seen: 30 s until the client gave up). Rendered first, the failure
 * becomes an ordinary exception and an ordinary 500 answer. Pages here are a few tens of KB, so
 * holding one in memory costs nothing.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
public class EagerThymeleafRenderer<T> extends ThymeleafViewsRenderer<T> {

    public EagerThymeleafRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine templateEngine,
                                  ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, templateEngine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        Writable lazy = super.render(viewName, data, request);
        StringWriter page = new StringWriter(16 * 1024);
        try {
            lazy.writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render view " + viewName, e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
