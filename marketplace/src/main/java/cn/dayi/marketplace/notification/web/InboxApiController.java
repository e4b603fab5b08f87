package cn.dayi.marketplace.notification.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.catalogue.web.pages.Language;
import cn.dayi.marketplace.catalogue.web.pages.LanguageResolver;
import cn.dayi.marketplace.mail.BilingualText.Lang;
import cn.dayi.marketplace.notification.Inbox;
import cn.dayi.marketplace.notification.OrderCalendarFiles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed-in person's notifications and an order's calendar file.
 * <ul>
 *   <li>{@code GET /api/v1/me/notifications?unreadOnly=&page=&size=&lang=} → {@link Inbox.Page}
 *       {@code {unread, total, page, size, items[{id, orderId, event, subject, body, link, createdAt, read}]}},
 *       newest first; text in zh-CN, or English with {@code lang=en} (or the language cookie /
 *       Accept-Language); 400 {@code PAGE_OUT_OF_RANGE}, {@code SIZE_OUT_OF_RANGE} (1–100, default 20)</li>
 *   <li>{@code POST /api/v1/me/notifications/{id}/read} → 204; 404 {@code NOTIFICATION_NOT_FOUND}</li>
 *   <li>{@code POST /api/v1/me/notifications/read-all} → {@code {"marked": n}}</li>
 *   <li>{@code GET /api/v1/orders/{id}/calendar.ics} (the buyer organisation's members) → {@code text/calendar}
 *       (METHOD PUBLISH, UID {@code order-<id>@dayi}); 404 {@code ORDER_NOT_FOUND}, 403 {@code FORBIDDEN}
 *       (operator side), 422 {@code NO_TIME_WINDOW}</li>
 * </ul>
 * Everything needs a signed-in person (401 otherwise).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Notifications", description = "Inbox and calendar files")
public class InboxApiController {

    private final ActorResolver actors;
    private final Inbox inbox;
    private final OrderCalendarFiles calendars;

    public InboxApiController(ActorResolver actors, Inbox inbox, OrderCalendarFiles calendars) {
        this.actors = actors;
        this.inbox = inbox;
        this.calendars = calendars;
    }

    /** How many notifications were marked read. */
    @Serdeable
    public record Marked(int marked) {
    }

    @Get("/me/notifications")
    public Inbox.Page list(HttpRequest<?> request, @Nullable Authentication auth, @Nullable @QueryValue Boolean unreadOnly,
                           @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return inbox.list(actors.require(auth).personId(), lang(request), Boolean.TRUE.equals(unreadOnly),
                page == null ? 0 : page, size == null ? 20 : size);
    }

    @Post("/me/notifications/{id}/read")
    public HttpResponse<Void> read(@Nullable Authentication auth, @PathVariable long id) {
        inbox.markRead(actors.require(auth).personId(), id);
        return HttpResponse.noContent();
    }

    @Post("/me/notifications/read-all")
    public Marked readAll(@Nullable Authentication auth) {
        return new Marked(inbox.markAllRead(actors.require(auth).personId()));
    }

    @Get(value = "/orders/{id}/calendar.ics", produces = "text/calendar")
    public HttpResponse<String> calendar(@Nullable Authentication auth, @PathVariable long id) {
        String ics = calendars.ics(actors.require(auth), id);
        return HttpResponse.ok(ics).contentType(MediaType.of("text/calendar; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"dayi-order-" + id + ".ics\"");
    }

    static Lang lang(HttpRequest<?> request) {
        return LanguageResolver.language(request) == Language.EN ? Lang.EN : Lang.ZH;
    }
}
