package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pages: {@code GET /sign-in}, {@code POST /sign-in} (form: email, password, next) which sets the
 * session cookie (the same JWT as the API's bearer token; HttpOnly, SameSite=Lax, Secure unless
 * {@code dayi.accounts.secure-cookie=false}) and goes to {@code next} or {@code /account};
 * {@code POST /sign-out}; {@code GET /account} (my roles, links to my portals, password change via
 * {@code POST /account/password}, and for an enterprise not yet verified its standing and the business-licence
 * upload form of {@link LicenceController}). A failed sign-in
 * shows the form again with the e-mail kept and the reason (wrong credentials, or throttled with
 * the wait).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInPageController {

    private final SignIn signIn;
    private final Tokens tokens;
    private final ActorResolver actors;
    private final Accounts accounts;
    private final Pages pages;
    private final VerificationStandings standings;
    private final String cookieName;
    private final boolean secureCookie;

    public SignInPageController(SignIn signIn, Tokens tokens, ActorResolver actors, Accounts accounts, Pages pages,
                                VerificationStandings standings,
                                @Value("${micronaut.security.token.cookie.cookie-name:JWT}") String cookieName,
                                @Value("${dayi.accounts.secure-cookie:true}") boolean secureCookie) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.actors = actors;
        this.accounts = accounts;
        this.pages = pages;
        this.standings = standings;
        this.cookieName = cookieName;
        this.secureCookie = secureCookie;
    }

    /** The sign-in form. */
    @Serdeable
    public record SignInForm(@Nullable String email, @Nullable String password, @Nullable String next) {
    }

    /** A link to a portal on the account page. */
    public record Portal(String href, String labelKey) {
    }

    @Get(value = "/sign-in", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ModelAndView<Map<String, Object>> form(HttpRequest<?> request, @Nullable @QueryValue String next) {
        return page(request, null, null, next);
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        try {
            Actor actor = signIn.signIn(form.email(), form.password(), ClientAddress.of(request));
            return HttpResponse.seeOther(URI.create(safeNext(form.next()))).cookie(sessionCookie(actor));
        } catch (ApiException e) {
            PageText text = pages.text(request);
            String error = e instanceof ApiException.TooManyRequests t
                    ? text.get("account.signIn.throttled", ((t.retryAfterSeconds() + 59) / 60) + " min")
                    : text.get("account.signIn.failed");
            return HttpResponse.status(e.status()).body(page(request, form.email(), error, form.next()));
        }
    }

    @Post(value = "/sign-out")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> signOut() {
        return HttpResponse.seeOther(URI.create("/")).cookie(Cookie.of(cookieName, "").path("/").httpOnly(true)
                .secure(secureCookie).sameSite(SameSite.Lax).maxAge(0));
    }

    @Get(value = "/account", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> account(HttpRequest<?> request, @Nullable Authentication auth,
                                                     @Nullable @QueryValue String changed,
                                                     @Nullable @QueryValue String licence,
                                                     @Nullable @QueryValue String licenceError) {
        Actor actor = actors.require(auth);
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("account.title"), "account");
        model.put("actor", actor);
        List<Portal> portals = new ArrayList<>();
        if (actor.hasRole(Role.OPERATOR_STAFF)) {
            portals.add(new Portal("/operator", "account.portal.operator"));
        }
        if (actor.hasRole(Role.OWNER_ADMIN)) {
            portals.add(new Portal("/owner", "account.portal.owner"));
        }
        if (actor.isPlatformAdmin()) {
            portals.add(new Portal("/admin", "account.portal.admin"));
        }
        if (actor.hasRole(Role.BUYER_MEMBER)) {
            portals.add(new Portal("/orders", "booking.orders.title"));
        }
        model.put("portals", portals);
        model.put("changed", changed != null);
        model.put("standings", standings.of(actor));
        model.put("licenceUploaded", licence != null);
        model.put("licenceError", licenceError == null ? null
                : VerificationStandings.EXPLAINED.contains(licenceError) ? licenceError : "OTHER");
        model.put("passwordError", null);
        return new ModelAndView<>("account", model);
    }

    /** The password form of the account page. */
    @Serdeable
    public record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    /** {@code POST /account/password}: the account page again, saying whether the password changed and why not. */
    @Post(value = "/account/password", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> changePassword(HttpRequest<?> request, @Nullable Authentication auth, @Body PasswordForm form) {
        Actor actor = actors.require(auth);
        try {
            accounts.changePassword(actor.personId(), form.currentPassword(), form.newPassword());
            // every other session has ended; this one continues with a fresh token
            return HttpResponse.seeOther(URI.create("/account?changed=1")).cookie(sessionCookie(actor));
        } catch (ApiException.ValidationFailed e) {
            ModelAndView<Map<String, Object>> page = account(request, auth, null, null, null);
            page.getModel().ifPresent(m -> m.put("passwordError", e.getMessage()));
            return HttpResponse.badRequest(page);
        }
    }

    private Cookie sessionCookie(Actor actor) {
        return Cookie.of(cookieName, tokens.issue(actor)).path("/").httpOnly(true)
                .secure(secureCookie).sameSite(SameSite.Lax).maxAge(Duration.ofSeconds(tokens.lifetimeSeconds()));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, String email, String error, String next) {
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("account.signIn.title"), "account");
        model.put("email", email == null ? "" : email);
        model.put("error", error);
        model.put("next", safeNext(next));
        return new ModelAndView<>("sign-in", model);
    }

    /** Only local paths: never an open redirect to another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/account";
    }
}
