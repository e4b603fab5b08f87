package cn.dayi.marketplace.booking.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Membership;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Availability;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.NewTestingOrder;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.Reviews;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.booking.TestingOrder;
import cn.dayi.marketplace.booking.TestingOrders;
import cn.dayi.marketplace.catalogue.web.pages.Language;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.catalogue.web.pages.PriceText;
import cn.dayi.marketplace.tariff.ServiceItem;
import cn.dayi.marketplace.tariff.ServiceItems;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The buyer's testing-service pages (送样检测; signed in):
 * <ul>
 *   <li>{@code GET /instruments/{id}/testing} — the order form: the instrument's service items (price or 面议,
 *       turnaround) to tick with a sample count each, the sample description and a note;</li>
 *   <li>{@code POST /instruments/{id}/testing} (form: {@code item-<itemId>=on}, {@code count-<itemId>},
 *       sampleDescription, note, org) — orders and goes to the order; when refused (organisation not verified,
 *       instrument not shared, no item chosen, a bad count …) the form comes back with the reason and what was typed;</li>
 *   <li>{@code POST /orders/{id}/shipping} (form: courier, trackingNumber), {@code POST /orders/{id}/accept-quote},
 *       {@code POST /orders/{id}/decline-quote} (form: reason), {@code POST /orders/{id}/review} (form: rating,
 *       comment) — back to the order page with what was done or why not.</li>
 * </ul>
 * The order page itself is {@code GET /orders/{id}} ({@link BookingPagesController}, built by
 * {@link TestingOrderPage} for testing orders). {@link TestingOrders}, {@link Bookings} and {@link Reviews}
 * decide, as for the API.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TestingPagesController {

    private final ActorResolver actors;
    private final TestingOrders testing;
    private final Bookings bookings;
    private final Reviews reviews;
    private final Availability availability;
    private final ServiceItems serviceItems;
    private final Pages pages;

    public TestingPagesController(ActorResolver actors, TestingOrders testing, Bookings bookings, Reviews reviews,
                                  Availability availability, ServiceItems serviceItems, Pages pages) {
        this.actors = actors;
        this.testing = testing;
        this.bookings = bookings;
        this.reviews = reviews;
        this.availability = availability;
        this.serviceItems = serviceItems;
        this.pages = pages;
    }

    /** A service item on the form, with what the buyer ticked and typed. */
    public record ItemChoice(long id, String name, @Nullable String nameEn, String price, boolean onRequest,
                             @Nullable String turnaround, @Nullable String sampleRequirements, boolean chosen,
                             String count) {
    }

    /** Shipping details as typed. */
    @Serdeable
    public record ShippingForm(@Nullable String courier, @Nullable String trackingNumber) {
    }

    /** Why (declining a quote). */
    @Serdeable
    public record ReasonForm(@Nullable String reason) {
    }

    /** A review as typed: 1–5 stars, a comment. */
    @Serdeable
    public record ReviewForm(@Nullable String rating, @Nullable String comment) {
    }

    @Get(value = "/instruments/{id}/testing", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable String id) {
        Actor actor = requireBuyer(auth);
        return page(request, actor, id, Map.of(), null);
    }

    @Post(value = "/instruments/{id}/testing", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> order(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable String id,
                                 @Nullable @Body Map<String, Object> body) {
        Actor actor = requireBuyer(auth);
        Map<String, Object> form = body == null ? Map.of() : body;
        try {
            TestingOrder o = testing.order(actor, id, order(form));
            return HttpResponse.seeOther(URI.create("/orders/" + o.order().id() + "?done=TESTING_SUBMITTED"));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return page(request, actor, id, form, e);
        }
    }

    @Post(value = "/orders/{id}/shipping", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> ship(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body ShippingForm form) {
        Actor actor = actors.require(auth);
        return act(id, "SHIPPED", () -> testing.ship(actor, id, new TestingOrders.ShippingDetails(
                form == null ? null : form.courier(), form == null ? null : form.trackingNumber())));
    }

    @Post(value = "/orders/{id}/accept-quote", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> acceptQuote(@Nullable Authentication auth, @PathVariable long id) {
        Actor actor = actors.require(auth);
        return act(id, Command.ACCEPT_QUOTE.name(), () -> bookings.command(actor, id, Command.ACCEPT_QUOTE, null));
    }

    @Post(value = "/orders/{id}/decline-quote", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> declineQuote(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body ReasonForm form) {
        Actor actor = actors.require(auth);
        return act(id, Command.DECLINE_QUOTE.name(), () -> bookings.command(actor, id, Command.DECLINE_QUOTE,
                form == null ? null : form.reason()));
    }

    @Post(value = "/orders/{id}/review", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> review(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body ReviewForm form) {
        Actor actor = actors.require(auth);
        return act(id, Command.REVIEW.name(), () -> {
            Integer rating = null;
            String typed = form == null || form.rating() == null ? "" : form.rating().strip();
            if (typed.matches("\\d{1,2}")) {
                rating = Integer.parseInt(typed);
            }
            return reviews.review(actor, id, new Reviews.NewReview(rating, form == null ? null : form.comment()));
        });
    }

    /** The order form is for buyer members (需求方成员); others are refused (403). */
    private Actor requireBuyer(@Nullable Authentication auth) {
        Actor actor = actors.require(auth);
        if (buyerOrgs(actor).isEmpty()) {
            throw new ApiException.Forbidden("FORBIDDEN", "Testing services are ordered by buyer members of an "
                    + "organisation (需求方成员).");
        }
        return actor;
    }

    private HttpResponse<?> act(long id, String done, java.util.function.Supplier<?> action) {
        try {
            action.get();
            return HttpResponse.seeOther(URI.create("/orders/" + id + "?done=" + done));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create("/orders/" + id + "?error="
                    + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8)));
        }
    }

    /** The form as an order: ticked items with their counts (a count that is not a whole number is refused here). */
    private static NewTestingOrder order(Map<String, Object> form) {
        List<NewTestingOrder.Item> items = new ArrayList<>();
        for (String key : form.keySet().stream().filter(k -> k.matches("item-\\d{1,18}")).sorted().toList()) {
            long itemId = Long.parseLong(key.substring("item-".length()));
            String count = value(form, "count-" + itemId);
            Integer n = null;
            if (count != null && count.strip().matches("-?\\d{1,9}")) {
                n = Integer.parseInt(count.strip());
            } else if (count != null && !count.isBlank()) {
                throw new ApiException.ValidationFailed("sampleCount", "SAMPLE_COUNT_INVALID",
                        "'" + count.strip() + "' is not a number of samples; give a whole number from 1 to 10,000.");
            }
            items.add(new NewTestingOrder.Item(itemId, n));
        }
        String org = value(form, "org");
        Long orgId = org != null && org.strip().matches("\\d{1,18}") ? Long.parseLong(org.strip()) : null;
        return new NewTestingOrder(orgId, items, value(form, "sampleDescription"), null, null, value(form, "note"));
    }

    private HttpResponse<?> page(HttpRequest<?> request, Actor actor, String id, Map<String, Object> form,
                                 @Nullable ApiException failed) {
        PageText text = pages.text(request);
        ServiceOrder.Ref instrument = availability.describe(id); // 404 for an unknown instrument
        boolean en = text.language() == Language.EN;
        List<ItemChoice> items = serviceItems.of(instrument.id(), true).stream().map((ServiceItem i) -> {
            String count = value(form, "count-" + i.id());
            return new ItemChoice(i.id(), i.name(), en && i.nameEn() != null && !i.nameEn().equals(i.name()) ? i.nameEn() : null,
                    i.unitPriceFen() == null ? text.get("price.onRequest") : PriceText.amount(i.unitPriceFen(), text),
                    i.unitPriceFen() == null,
                    i.turnaroundDays() == null ? null : text.get("price.items.turnaroundDays", i.turnaroundDays()),
                    i.sampleRequirements(), form.containsKey("item-" + i.id()), count == null ? "1" : count);
        }).toList();
        Map<String, Object> model = pages.model(request, text.get("testing.order.title"), "search");
        model.put("code", instrument.code());
        model.put("name", instrument.name());
        model.put("items", items);
        model.put("sampleDescription", value(form, "sampleDescription"));
        model.put("note", value(form, "note"));
        String org = value(form, "org");
        model.put("org", org);
        model.put("orgs", buyerOrgs(actor));
        model.put("error", failed == null ? null : failed.getMessage());
        int status = failed == null ? 200 : failed.status().getCode();
        return HttpResponse.status(HttpStatus.valueOf(status)).body(new ModelAndView<>("testing-order-form", model));
    }

    private static String value(Map<String, Object> form, String key) {
        Object v = form.get(key);
        if (v instanceof List<?> l) {
            v = l.isEmpty() ? null : l.get(0);
        }
        return v == null ? null : v.toString();
    }

    private static List<Membership> buyerOrgs(Actor actor) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return actor.memberships().stream().filter(m -> m.role() == Role.BUYER_MEMBER)
                .filter(m -> seen.add(m.organisationId())).sorted(Comparator.comparing(Membership::organisationName)).toList();
    }
}
