package cn.dayi.marketplace.notification.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.notification.Inbox;
import cn.dayi.marketplace.time.ClockFactory;
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
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Pages: {@code GET /inbox?page=} (my notifications, newest first, unread marked, 20 a page),
 * {@code POST /inbox/{id}/read} and {@code POST /inbox/read-all} (forms; back to the inbox). Signed-in
 * people only (browsers go to the sign-in page first); someone else's notification is a 404.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class InboxPageController {

    private static final int SIZE = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockFactory.SHANGHAI);

    private final ActorResolver actors;
    private final Inbox inbox;
    private final Pages pages;

    public InboxPageController(ActorResolver actors, Inbox inbox, Pages pages) {
        this.actors = actors;
        this.inbox = inbox;
        this.pages = pages;
    }

    /** One notification as the page shows it ({@code when}: Asia/Shanghai). */
    public record Row(long id, String subject, String body, String when, boolean read, String link) {
    }

    @Get(value = "/inbox", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> inbox(HttpRequest<?> request, @Nullable Authentication auth,
                                                   @Nullable @QueryValue Integer page) {
        long person = actors.require(auth).personId();
        int p = page == null || page < 0 ? 0 : Math.min(page, 10_000);
        Inbox.Page result = inbox.list(person, InboxApiController.lang(request), false, p, SIZE);
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("inbox.title"), "inbox");
        List<Row> rows = result.items().stream().map(i -> new Row(i.id(), i.subject(), i.body(), WHEN.format(i.createdAt()),
                i.read(), i.link())).toList();
        model.put("rows", rows);
        model.put("unread", result.unread());
        model.put("page", p);
        model.put("older", (long) (p + 1) * SIZE < result.total() ? "/inbox?page=" + (p + 1) : null);
        model.put("newer", p > 0 ? "/inbox?page=" + (p - 1) : null);
        return new ModelAndView<>("inbox", model);
    }

    @Post(value = "/inbox/{id}/read", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> read(@Nullable Authentication auth, @PathVariable long id) {
        inbox.markRead(actors.require(auth).personId(), id);
        return HttpResponse.seeOther(URI.create("/inbox"));
    }

    @Post(value = "/inbox/read-all", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> readAll(@Nullable Authentication auth) {
        inbox.markAllRead(actors.require(auth).personId());
        return HttpResponse.seeOther(URI.create("/inbox"));
    }
}
