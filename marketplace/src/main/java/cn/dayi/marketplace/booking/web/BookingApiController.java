package cn.dayi.marketplace.booking.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.booking.Availability;
import cn.dayi.marketplace.booking.Availability.FreeTime;
import cn.dayi.marketplace.booking.BookingRules;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.NewBooking;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Machine-time booking (机时预约), buyer side. Times are ISO-8601 instants ({@code 2026-12-01T01:00:00Z}
 * or with an offset, {@code 2026-12-01T09:00:00+08:00}); {@code from}/{@code to} may also be dates
 * (midnight Asia/Shanghai). Money is fen.
 * <ul>
 *   <li>{@code GET /api/v1/instruments/{id}/availability?from=&to=} (anyone) → free intervals; default
 *       the next 7 days, at most 62; 400 {@code INVALID_WINDOW}, {@code WINDOW_TOO_LONG}, {@code INVALID_TIME}</li>
 *   <li>{@code GET /api/v1/instruments/{id}/booking-rules} (anyone) → opening hours and slot grid; 404
 *       {@code NO_BOOKING_RULES} when the instrument cannot be booked yet</li>
 *   <li>{@code POST /api/v1/instruments/{id}/bookings} {@link NewBooking} (a BUYER_MEMBER) → 201
 *       {@link ServiceOrder} SUBMITTED with its slots held until {@code holdExpiresAt}; the codes are
 *       listed on {@link Bookings}</li>
 *   <li>{@code GET /api/v1/orders/{id}} (either side) → the order with its audit trail and cancellation terms</li>
 *   <li>{@code POST /api/v1/orders/{id}/cancel} {@code {"reason"}} (a BUYER_MEMBER of the buyer) → CANCELLED, slots freed</li>
 *   <li>{@code GET /api/v1/organisations/{orgId}/orders} (its BUYER_MEMBERs) → its orders, latest start first</li>
 * </ul>
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Booking", description = "Book machine time on instruments")
public class BookingApiController {

    private final ActorResolver actors;
    private final Availability availability;
    private final Bookings bookings;

    public BookingApiController(ActorResolver actors, Availability availability, Bookings bookings) {
        this.actors = actors;
        this.availability = availability;
        this.bookings = bookings;
    }

    /** Why (optional). */
    @io.micronaut.serde.annotation.Serdeable
    public record Reason(@Nullable String reason) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/instruments/{id}/availability")
    public FreeTime availability(@PathVariable String id, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return availability.free(id, time("from", from), time("to", to));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/instruments/{id}/booking-rules")
    public BookingRules rules(@PathVariable String id) {
        return availability.rulesOf(id).orElseThrow(() -> new ApiException.NotFound("NO_BOOKING_RULES",
                "Instrument " + id + " has no opening hours yet; it cannot be booked."));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/instruments/{id}/bookings")
    public HttpResponse<ServiceOrder> book(@Nullable Authentication auth, @PathVariable String id,
                                           @Nullable @Body NewBooking body) {
        return HttpResponse.created(bookings.book(actors.require(auth), id, body));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/orders/{id}")
    public ServiceOrder get(@Nullable Authentication auth, @PathVariable long id) {
        return bookings.get(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/orders/{id}/cancel")
    public ServiceOrder cancel(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Reason body) {
        return bookings.command(actors.require(auth), id, Command.CANCEL, body == null ? null : body.reason());
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/organisations/{orgId}/orders")
    public List<ServiceOrder> ofOrganisation(@Nullable Authentication auth, @PathVariable long orgId) {
        return bookings.ofBuyer(actors.require(auth), orgId);
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
            }
            return v.endsWith("Z") ? Instant.parse(v) : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException.ValidationFailed(field, "INVALID_TIME", "'" + value + "' is not a date (2026-12-01) "
                    + "or an ISO-8601 time (2026-12-01T01:00:00Z, 2026-12-01T09:00:00+08:00).");
        }
    }
}
