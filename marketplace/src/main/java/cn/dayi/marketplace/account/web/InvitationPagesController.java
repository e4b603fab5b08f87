package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Invitations;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.mail.MailOutbox;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Invitation pages.
 * <ul>
 *   <li>{@code GET /organisations/{orgId}/invitations} (those who may invite to it): the invite form
 *       (e-mail, role) and the invitations made; {@code POST} the form → back with "sent", or the form
 *       again with the reason (400/409/422)</li>
 *   <li>{@code GET /invitations/{token}} (anyone with the link): who invites whom to what, and the form
 *       (name and password, or the existing account's password); a used, expired or unknown link
 *       shows a page that says so (410 / 404). {@code POST} the form → "you have joined" (201), or the
 *       form again with the reason</li>
 * </ul>
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class InvitationPagesController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockFactory.SHANGHAI);

    private final Invitations invitations;
    private final Organisations organisations;
    private final ActorResolver actors;
    private final Pages pages;
    private final MailOutbox outbox;

    public InvitationPagesController(Invitations invitations, Organisations organisations, ActorResolver actors,
                                     Pages pages, MailOutbox outbox) {
        this.invitations = invitations;
        this.organisations = organisations;
        this.actors = actors;
        this.pages = pages;
        this.outbox = outbox;
    }

    /** The invite form. */
    @Serdeable
    public record InviteForm(@Nullable String email, @Nullable String role) {
    }

    /** The accept form. */
    @Serdeable
    public record AcceptForm(@Nullable String displayName, @Nullable String password) {
    }

    /** An invitation as the list shows it. */
    public record Row(String email, String role, String status, String created, String expires) {
    }

    @Get(value = "/organisations/{orgId}/invitations", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable Authentication auth,
                                                  @PathVariable long orgId, @Nullable @QueryValue String sent) {
        return invitePage(request, actors.require(auth), orgId, sent, null, null);
    }

    @Post(value = "/organisations/{orgId}/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> invite(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long orgId,
                                  @Body InviteForm form) {
        Actor actor = actors.require(auth);
        try {
            Role role = form.role() == null || form.role().isBlank() ? Role.BUYER_MEMBER : Role.valueOf(form.role());
            Invitations.Invitation inv = invitations.invite(actor, orgId, form.email(), role);
            return HttpResponse.seeOther(URI.create("/organisations/" + orgId + "/invitations?sent="
                    + URLEncoder.encode(inv.email(), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(invitePage(request, actor, orgId, null, "Unknown role " + form.role() + ".",
                    form.email()));
        } catch (ApiException.ValidationFailed | ApiException.RuleViolation e) {
            return HttpResponse.status(e.status()).body(invitePage(request, actor, orgId, null, e.getMessage(), form.email()));
        }
    }

    @Get(value = "/invitations/{token}", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> acceptPage(HttpRequest<?> request, @PathVariable String token) {
        try {
            return HttpResponse.ok(acceptForm(request, token, invitations.pending(token), null));
        } catch (ApiException e) {
            return invalid(request, e);
        }
    }

    @Post(value = "/invitations/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> accept(HttpRequest<?> request, @PathVariable String token, @Body AcceptForm form) {
        Invitations.Pending pending;
        try {
            pending = invitations.pending(token);
        } catch (ApiException e) {
            return invalid(request, e);
        }
        try {
            Invitations.Accepted a = invitations.accept(token, form.displayName(), form.password());
            PageText text = pages.text(request);
            Map<String, Object> model = pages.model(request, text.get("invite.accepted.title"), "account");
            model.put("accepted", a);
            model.put("roleLabel", text.get("account.role." + a.role().name()));
            return HttpResponse.created(new ModelAndView<>("invitation-accepted", model));
        } catch (ApiException.ValidationFailed | ApiException.RuleViolation e) {
            if (e.status() == HttpStatus.GONE) {
                return invalid(request, e);
            }
            return HttpResponse.status(e.status()).body(acceptForm(request, token, pending, e.getMessage()));
        }
    }

    private ModelAndView<Map<String, Object>> invitePage(HttpRequest<?> request, Actor actor, long orgId, String sent,
                                                         String error, String email) {
        Organisation org = organisations.find(orgId).orElseThrow(() -> new ApiException.NotFound("ORGANISATION_NOT_FOUND",
                "There is no organisation with id " + orgId + "."));
        List<Invitations.Invitation> made = invitations.of(actor, orgId); // 403 for those who may not invite
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("invite.page.title"), "account");
        model.put("organisation", org);
        model.put("roles", Invitations.invitableRoles(actor, org).stream().map(Role::name).toList());
        model.put("rows", made.stream().map(i -> new Row(i.email(), i.role().name(), i.status(), WHEN.format(i.createdAt()),
                WHEN.format(i.expiresAt()))).toList());
        model.put("sent", sent);
        model.put("error", error);
        model.put("email", email == null ? "" : email);
        model.put("mailOff", !outbox.enabled());
        return new ModelAndView<>("invitations", model);
    }

    private ModelAndView<Map<String, Object>> acceptForm(HttpRequest<?> request, String token, Invitations.Pending p,
                                                         String error) {
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("invite.title"), "account");
        model.put("pending", p);
        model.put("role", p.role().name());
        model.put("roleLabel", text.get("account.role." + p.role().name()));
        model.put("expires", WHEN.format(p.expiresAt()));
        model.put("action", "/invitations/" + token);
        model.put("error", error);
        return new ModelAndView<>("invitation", model);
    }

    private HttpResponse<?> invalid(HttpRequest<?> request, ApiException e) {
        String reason = switch (e.code()) {
            case "INVITATION_USED" -> "USED";
            case "INVITATION_EXPIRED" -> "EXPIRED";
            default -> "UNKNOWN";
        };
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("invite.invalid.title"), "account");
        model.put("reason", reason);
        return HttpResponse.status(reason.equals("UNKNOWN") ? HttpStatus.NOT_FOUND : HttpStatus.GONE)
                .body(new ModelAndView<>("invitation-invalid", model));
    }
}
