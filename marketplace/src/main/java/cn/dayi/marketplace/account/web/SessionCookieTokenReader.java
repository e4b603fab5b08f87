package cn.dayi.marketplace.account.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.cookie.CookieTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the session cookie ({@code micronaut.security.token.cookie.cookie-name}, {@code dayi_session})
 * that the sign-in page sets, so pages signed in with it are authenticated. Micronaut's own
 * {@link CookieTokenReader} only exists when {@code micronaut.security.authentication} is
 * {@code cookie}, which this platform does not set (the API uses bearer tokens); without this
 * reader the cookie was ignored and every signed-in page answered 401. Steps aside when the
 * framework's reader is active.
 */
@Singleton
@Requires(missingBeans = CookieTokenReader.class)
public class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    private final String cookieName;

    public SessionCookieTokenReader(@Value("${micronaut.security.token.cookie.cookie-name:JWT}") String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    @Override
    public int getOrder() {
        return CookieTokenReader.ORDER;
    }
}
