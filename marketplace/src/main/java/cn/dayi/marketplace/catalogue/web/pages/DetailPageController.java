package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.booking.Reviews;
import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.catalogue.InstrumentDetail;
import cn.dayi.marketplace.tariff.BuyerClasses;
import cn.dayi.marketplace.tariff.ServiceItems;
import cn.dayi.marketplace.tariff.Tariffs;
import cn.dayi.pricing.tariff.BuyerClass;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /instruments/{idOrCode}} — one instrument by numeric id or public code ({@code DY…}):
 * name, model, manufacturer, country, original value, purchase date, funding source, category,
 * owner, department, address, district, a small map when it has coordinates, technical
 * parameters, sample requirements, services, contact, sharing mode, status, source, a badge
 * for demo data, and prices: "from" price, "why this price" and service items for the viewer's
 * buyer class, and the free-slot calendar of a week ({@code ?week=} any date in it; see
 * {@link cn.dayi.marketplace.booking.web.WeekCalendar}). Read from the database, so it works while search is down. An unknown id or code
 * answers a friendly "not found" page (HTTP 404).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/instruments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DetailPageController {

    private static final int MAX_ID_LENGTH = 64;

    private final CatalogueReader reader;
    private final Pages pages;
    private final JsonMapper json;
    private final ActorResolver actors;
    private final Tariffs tariffs;
    private final ServiceItems serviceItems;
    private final cn.dayi.marketplace.booking.web.WeekCalendar calendar;
    private final Reviews reviews;

    public DetailPageController(CatalogueReader reader, Pages pages, JsonMapper json, ActorResolver actors,
                                Tariffs tariffs, ServiceItems serviceItems,
                                cn.dayi.marketplace.booking.web.WeekCalendar calendar, Reviews reviews) {
        this.calendar = calendar;
        this.reviews = reviews;
        this.reader = reader;
        this.pages = pages;
        this.json = json;
        this.actors = actors;
        this.tariffs = tariffs;
        this.serviceItems = serviceItems;
    }

    @Get(uri = "/{idOrCode}", produces = MediaType.TEXT_HTML)
    @View("detail")
    public Map<String, Object> detail(HttpRequest<?> request, @PathVariable String idOrCode,
                                      @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue String week) {
        String key = idOrCode.strip();
        Optional<InstrumentDetail> found = key.isEmpty() || key.length() > MAX_ID_LENGTH ? Optional.empty()
                : reader.instrument(key);
        InstrumentDetail d = found.orElseThrow(() -> new UnknownInstrument(key));
        PageText text = pages.text(request);
        QueryLinks links = QueryLinks.of("/instruments/" + d.code(), request.getParameters());
        Map<String, Object> model = pages.model(request, links, text, d.name(), "search");
        String markers = d.location() == null ? null : toJson(List.of(new ResultItems.Marker(d.location().lat(),
                d.location().lon(), d.name(), "/instruments/" + d.code(), d.model() == null ? "" : d.model(), 1)));
        model.put("instrument", DetailView.of(d, text, markers));
        model.put("prices", prices(request, d, text));
        model.put("calendar", calendar.week(d.code(), week, "/instruments/" + d.code(), "#calendar")); // free slots
        model.put("testingHref", "/instruments/" + d.code() + "/testing");
        model.put("reviews", ReviewsView.of(reviews.ofInstrument(Long.toString(d.id())), text));
        return model;
    }

    /**
     * The instrument's rating as shown: average stars ({@code 4.5}), count, and the latest reviews (at most
     * {@link #LATEST}) with the operator's reply.
     */
    public record ReviewsView(@io.micronaut.core.annotation.Nullable String average, int count, List<ReviewRow> latest) {

        static final int LATEST = 10;

        static ReviewsView of(Reviews.InstrumentReviews r, PageText text) {
            return new ReviewsView(r.averageRating() == null ? null : String.format(java.util.Locale.ROOT, "%.1f",
                    r.averageRating()), r.reviewCount(), r.reviews().stream().limit(LATEST).map(v -> new ReviewRow(
                    v.rating(), "★".repeat(v.rating()) + "☆".repeat(5 - v.rating()), v.comment(), v.buyerOrganisation(),
                    Formats.date(v.reviewedAt().atZone(cn.dayi.marketplace.time.ClockFactory.SHANGHAI).toLocalDate(),
                            text.language()), v.reply())).toList());
        }
    }

    /** One review as shown. */
    public record ReviewRow(int rating, String stars, @io.micronaut.core.annotation.Nullable String comment, String buyer,
                            String date, @io.micronaut.core.annotation.Nullable String reply) {
    }

    /** Prices for the viewer's buyer class (anonymous: COMMERCIAL; see {@link BuyerClasses}). */
    private PriceView prices(HttpRequest<?> request, InstrumentDetail d, PageText text) {
        Optional<Actor> viewer = request.getUserPrincipal()
                .filter(p -> p instanceof Authentication)
                .flatMap(p -> actors.find((Authentication) p));
        BuyerClass buyerClass = BuyerClasses.of(viewer, d.owner().id());
        return PriceView.of(buyerClass, tariffs.priceFrom(d.id(), buyerClass), tariffs.effectiveToday(d.id()),
                serviceItems.of(d.id(), true), text);
    }

    /** The "not found" page for an unknown id or code (HTTP 404). */
    @Error(exception = UnknownInstrument.class)
    public HttpResponse<ModelAndView<Map<String, Object>>> unknown(HttpRequest<?> request, UnknownInstrument e) {
        PageText text = pages.text(request);
        QueryLinks links = QueryLinks.of(request.getPath(), request.getParameters());
        Map<String, Object> model = pages.model(request, links, text, text.get("notFound.instrument.title"), "search");
        model.put("message", text.get("notFound.instrument.text", e.idOrCode()));
        return HttpResponse.notFound(new ModelAndView<>("not-found", model));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No instrument has this id or code. */
    static final class UnknownInstrument extends RuntimeException {
        private final String idOrCode;

        UnknownInstrument(String idOrCode) {
            super("no instrument " + idOrCode, null, false, false);
            this.idOrCode = idOrCode.length() > MAX_ID_LENGTH ? idOrCode.substring(0, MAX_ID_LENGTH) + "…" : idOrCode;
        }

        String idOrCode() {
            return idOrCode;
        }
    }
}
