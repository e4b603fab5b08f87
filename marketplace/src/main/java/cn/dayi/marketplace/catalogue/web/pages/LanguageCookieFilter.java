package cn.dayi.marketplace.catalogue.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;

/**
 * Remembers a language switch: a request with {@code ?lang=zh} or {@code ?lang=en} answers with
 * the cookie {@code lang} (path /, one year, SameSite=Lax), which {@link LanguageResolver} reads
 * on later requests.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LanguageCookieFilter {

    @ResponseFilter
    public void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Language.parse(request.getParameters().get(Language.PARAM)).ifPresent(language ->
                response.cookie(Cookie.of(Language.COOKIE, language.code())
                        .path("/")
                        .maxAge(Duration.ofDays(365))
                        .sameSite(SameSite.Lax)
                        .httpOnly(true)));
    }
}
