package cn.dayi.marketplace.catalogue.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.HttpAbstractLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * The locale of a request: {@code ?lang=} when given, else the {@code lang} cookie, else zh-CN.
 * The {@code Accept-Language} header is deliberately ignored: the platform is Chinese first and
 * English only on request. Runs before Micronaut's own resolvers, so views and {@code Locale}
 * controller arguments see the same answer.
 */
@Singleton
public class LanguageResolver implements HttpLocaleResolver {

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(language(request).locale());
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return language(request).locale();
    }

    @Override
    public int getOrder() {
        return HttpAbstractLocaleResolver.ORDER - 40;
    }

    /** The page language of {@code request}. */
    public static Language language(HttpRequest<?> request) {
        return Language.parse(request.getParameters().get(Language.PARAM))
                .or(() -> request.getCookies().findCookie(Language.COOKIE).map(Cookie::getValue).flatMap(Language::parse))
                .orElse(Language.ZH);
    }
}
