package cn.dayi.marketplace.booking.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Membership;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Availability;
import cn.dayi.marketplace.booking.BookingMode;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.NewBooking;
import cn.dayi.marketplace.booking.OrderKind;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.catalogue.web.pages.PriceText;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The buyer's booking pages (signed in; anonymous browsers are sent to {@code /sign-in?next=…}):
 * <ul>
 *   <li>{@code GET /instruments/{id}/book?start=&end=&mode=&note=&org=} — the booking form for a slot chosen
 *       in the calendar: how long (more slots), who operates, a note, and — before anything is saved — the
 *       price quote the order would keep and the cancellation terms, checked by the same rules as the API;
 *       an unverified organisation, a missing qualification, a taken slot … are said here in words;</li>
 *   <li>{@code POST /instruments/{id}/book} (form: start, end, mode, note, org, quotedTotalFen) — books
 *       and goes to the order; when the price is not the one shown, the form comes back with the new quote;</li>
 *   <li>{@code GET /orders?org=} — my organisation's orders; {@code GET /orders/{id}} — one order with its
 *       quote, hold expiry, cancellation terms and timeline; {@code POST /orders/{id}/cancel} (form: reason).</li>
 * </ul>
 * The same {@link Bookings} service as the API decides, so pages and API cannot disagree.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class BookingPagesController {

    /** How far beyond the chosen slot the form offers end times. */
    private static final Duration LONGEST = Duration.ofHours(12);

    private final ActorResolver actors;
    private final Bookings bookings;
    private final Availability availability;
    private final Pages pages;
    private final TestingOrderPage testingPage;
    private final List<OrderPageSection> sections;

    public BookingPagesController(ActorResolver actors, Bookings bookings, Availability availability, Pages pages,
                                  TestingOrderPage testingPage, List<OrderPageSection> sections) {
        this.testingPage = testingPage;
        this.sections = sections;
        this.actors = actors;
        this.bookings = bookings;
        this.availability = availability;
        this.pages = pages;
    }

    /** The booking form. */
    @Serdeable
    public record BookForm(@Nullable String start, @Nullable String end, @Nullable String mode, @Nullable String note,
                           @Nullable Long org, @Nullable Long quotedTotalFen) {
    }

    /** The cancel form. */
    @Serdeable
    public record CancelForm(@Nullable String reason) {
    }

    /** An end time the buyer may choose. */
    public record EndOption(String value, String label, boolean selected) {
    }

    /** The quote as shown: lines, total and the cancellation terms. */
    public record QuoteShown(List<OrderView.Line> lines, String total, long totalFen, String terms, String tariff) {
    }

    @Get(value = "/instruments/{id}/book", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable String id,
                                @Nullable @QueryValue String start, @Nullable @QueryValue String end,
                                @Nullable @QueryValue String mode, @Nullable @QueryValue String note,
                                @Nullable @QueryValue Long org) {
        Actor actor = actors.require(auth);
        if (start == null || start.isBlank()) {
            return HttpResponse.seeOther(URI.create("/instruments/" + enc(id) + "#calendar"));
        }
        BookForm form = new BookForm(start, end, mode, note, org, null);
        return page(request, actor, id, form, null, null);
    }

    @Post(value = "/instruments/{id}/book", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> book(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable String id,
                                @Body BookForm form) {
        Actor actor = actors.require(auth);
        NewBooking b;
        try {
            b = booking(form);
            Bookings.Preview p = bookings.preview(actor, id, b);
            if (form.quotedTotalFen() == null || form.quotedTotalFen() != p.quote().totalFen()) {
                PageText text = pages.text(request);
                return page(request, actor, id, form, text.get("booking.priceChanged"), null);
            }
            ServiceOrder o = bookings.book(actor, id, b);
            return HttpResponse.seeOther(URI.create("/orders/" + o.id() + "?done=SUBMITTED"));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return page(request, actor, id, form, null, e);
        }
    }

    @Get(value = "/orders", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> orders(HttpRequest<?> request, @Nullable Authentication auth,
                                                    @Nullable @QueryValue Long org) {
        Actor actor = actors.require(auth);
        List<Membership> orgs = buyerOrgs(actor);
        if (orgs.isEmpty()) {
            throw new ApiException.Forbidden("FORBIDDEN", "My orders are for buyer members of an organisation (需求方成员).");
        }
        Membership m = orgs.stream().filter(o -> org != null && o.organisationId() == org).findFirst().orElse(orgs.get(0));
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("booking.orders.title"), "orders");
        model.put("org", m);
        model.put("orgs", orgs);
        model.put("orders", bookings.ofBuyer(actor, m.organisationId()).stream().map(o -> OrderView.of(o, text)).toList());
        return new ModelAndView<>("orders", model);
    }

    @Get(value = "/orders/{id}", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> order(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id,
                                                   @Nullable @QueryValue String done, @Nullable @QueryValue String error) {
        Actor actor = actors.require(auth);
        ServiceOrder o = bookings.get(actor, id);
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("booking.order.title", o.id()), "orders");
        model.put("o", OrderView.of(o, text));
        boolean buyer = actor.hasRoleIn(o.buyerOrganisation().id(), Role.BUYER_MEMBER);
        model.put("canCancel", buyer && o.cancellation() != null
                && cn.dayi.marketplace.booking.OrderLifecycle.from(o.state(), Command.CANCEL).isPresent());
        model.put("operatorView", actor.isOperatorStaff(o.operator().id()));
        model.put("done", done);
        model.put("error", error);
        for (OrderPageSection section : sections) {
            section.fill(model, actor, o, text);
        }
        if (OrderKind.TESTING.name().equals(o.kind())) {
            testingPage.fill(model, actor, o, text);
            return new ModelAndView<>("testing-order", model);
        }
        return new ModelAndView<>("order", model);
    }

    @Post(value = "/orders/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> cancel(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body CancelForm form) {
        Actor actor = actors.require(auth);
        try {
            bookings.command(actor, id, Command.CANCEL, form == null ? null : form.reason());
            return HttpResponse.seeOther(URI.create("/orders/" + id + "?done=CANCELLED"));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create("/orders/" + id + "?error=" + enc(e.getMessage())));
        }
    }

    /** The booking page; {@code failed} is the error of a booking just refused (its page shows no quote to confirm). */
    private HttpResponse<?> page(HttpRequest<?> request, Actor actor, String id, BookForm form, @Nullable String notice,
                                 @Nullable ApiException failed) {
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model(request, text.get("booking.book.title"), "search");
        String error = null;
        int status = 200;
        QuoteShown quote = null;
        Bookings.Preview preview = null;
        try {
            preview = bookings.preview(actor, id, booking(form));
            quote = new QuoteShown(OrderView.lines(preview.quote(), text), PriceText.amount(preview.quote().totalFen(), text),
                    preview.quote().totalFen(), OrderView.terms(preview.cancellation(), text),
                    preview.quote().tariffCode() + " v" + preview.quote().tariffVersion());
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            error = e.getMessage();
            status = e.status().getCode();
        }
        if (failed != null) {
            quote = null;
            error = failed.getMessage();
            status = failed.status().getCode();
        }
        ServiceOrder.Ref instrument = availability.describe(id);
        model.put("code", instrument.code());
        model.put("name", instrument.name());
        model.put("form", form);
        model.put("when", when(form));
        model.put("ends", ends(id, form));
        model.put("orgs", buyerOrgs(actor));
        model.put("quote", quote);
        model.put("error", error);
        model.put("notice", notice);
        model.put("calendarHref", "/instruments/" + instrument.code() + "?week="
                + (parse(form.start()) == null ? "" : parse(form.start()).atZone(ClockFactory.SHANGHAI).toLocalDate()) + "#calendar");
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status)).body(new ModelAndView<>("book", model));
    }

    /** End times contiguous with the chosen start within its free interval, up to {@link #LONGEST}. */
    private List<EndOption> ends(String id, BookForm form) {
        Instant start = parse(form.start());
        Instant chosen = parse(form.end());
        List<EndOption> out = new ArrayList<>();
        if (start == null) {
            return out;
        }
        Availability.FreeTime free = availability.free(id, start, start.plus(LONGEST));
        Duration slot = Duration.ofMinutes(free.slotMinutes());
        free.free().stream().filter(f -> !f.start().isAfter(start) && f.end().isAfter(start)).findFirst().ifPresent(f -> {
            for (Instant e = start.plus(slot); !e.isAfter(f.end()); e = e.plus(slot)) {
                out.add(new EndOption(e.toString(), WeekCalendar.HM.format(e.atZone(ClockFactory.SHANGHAI)) + " ("
                        + Duration.between(start, e).toMinutes() + " min)", e.equals(chosen)));
            }
        });
        if (chosen != null && out.stream().noneMatch(EndOption::selected)) {
            out.add(0, new EndOption(chosen.toString(), WeekCalendar.HM.format(chosen.atZone(ClockFactory.SHANGHAI)), true));
        }
        return out;
    }

    private static String when(BookForm form) {
        Instant s = parse(form.start());
        Instant e = parse(form.end());
        return s == null || e == null ? "" : OrderView.window(s, e);
    }

    private static NewBooking booking(BookForm form) {
        Instant start = parse(form.start());
        Instant end = parse(form.end());
        if (form.start() != null && start == null || form.end() != null && end == null) {
            throw new ApiException.ValidationFailed("start", "INVALID_TIME", "The chosen time is not readable; pick a slot "
                    + "in the calendar again.");
        }
        BookingMode mode;
        try {
            mode = form.mode() == null || form.mode().isBlank() ? BookingMode.STAFF_OPERATED : BookingMode.valueOf(form.mode());
        } catch (IllegalArgumentException e) {
            throw new ApiException.ValidationFailed("mode", "MODE_REQUIRED", "Choose STAFF_OPERATED or SELF_OPERATED.");
        }
        return new NewBooking(start, end, mode, form.note(), form.org());
    }

    private static Instant parse(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<Membership> buyerOrgs(Actor actor) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return actor.memberships().stream().filter(m -> m.role() == Role.BUYER_MEMBER)
                .filter(m -> seen.add(m.organisationId())).sorted(Comparator.comparing(Membership::organisationName)).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
