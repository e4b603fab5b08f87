package cn.dayi.marketplace.account.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A browser that opens a page needing an account is sent to {@code /sign-in?next=<that page>} and
 * comes back to it after signing in (API clients still get 401 problem JSON: the framework only
 * redirects requests that accept HTML).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class SignInRedirect extends DefaultAuthorizationExceptionHandler {

    public SignInRedirect(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                          RedirectService redirectService,
                          List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                          @Nullable PriorToLoginPersistence priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders, priorToLoginPersistence);
    }

    @Override
    protected String getRedirectUri(HttpRequest<?> request, AuthorizationException exception) {
        String uri = super.getRedirectUri(request, exception);
        if (exception.isForbidden() || request.getMethod() != HttpMethod.GET || !uri.startsWith("/sign-in")) {
            return uri;
        }
        String here = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? ""
                : "?" + request.getUri().getRawQuery());
        return uri + (uri.contains("?") ? "&" : "?") + "next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }
}
