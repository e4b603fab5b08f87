package cn.dayi.marketplace.booking.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.NewTestingOrder;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.Reviews;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.booking.TestingOrder;
import cn.dayi.marketplace.booking.TestingOrders;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Testing-service orders (送样检测) and reviews, buyer side. Money is fen; times are UTC instants.
 * <ul>
 *   <li>{@code POST /api/v1/instruments/{id}/testing-orders} {@link NewTestingOrder} (a BUYER_MEMBER of a
 *       verified organisation) → 201 {@link TestingOrder} SUBMITTED; fixed-price lines priced at once,
 *       {@code quotePending} while a line is priced on request (面议)</li>
 *   <li>{@code GET /api/v1/testing-orders/{id}} (either side, platform admins) → {@link TestingOrder}</li>
 *   <li>{@code PUT /api/v1/testing-orders/{id}/shipping} {@code {"courier","trackingNumber"}} (a BUYER_MEMBER
 *       of the buyer; until the samples are received, else 409 {@code SHIPPING_CLOSED}) → {@link TestingOrder}</li>
 *   <li>{@code POST /api/v1/orders/{id}/accept-quote} (ACCEPTED → AWAITING_PAYMENT), {@code /decline-quote}
 *       {@code {"reason"}} (required: 400 {@code REASON_REQUIRED}; ACCEPTED → CANCELLED) — a BUYER_MEMBER of the buyer → {@link ServiceOrder}</li>
 *   <li>{@code GET /api/v1/orders/{id}/results/{fileId}} (the buyer organisation's members, the operator's
 *       staff, platform admins; anyone else 404 {@code ORDER_NOT_FOUND}) → the bytes as an attachment, with
 *       {@code X-Content-SHA256}; the checksum is verified before serving (500 {@code FILE_CORRUPTED})</li>
 *   <li>{@code POST /api/v1/orders/{id}/review} {@code {"rating": 1–5, "comment"}} (a BUYER_MEMBER of the
 *       buyer; COMPLETED → REVIEWED) → 201 {@link Reviews.Review}</li>
 *   <li>{@code GET /api/v1/orders/{id}/review} (either side) → {@link Reviews.Review}; 404 {@code REVIEW_NOT_FOUND}</li>
 *   <li>{@code GET /api/v1/instruments/{id}/reviews} (anyone) → {@link Reviews.InstrumentReviews}: average
 *       stars, count and the latest 50 reviews</li>
 * </ul>
 * Error codes are listed on {@link TestingOrders}, {@link Reviews} and {@link Bookings}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Testing service", description = "Order testing services (送样检测) and review orders")
public class TestingApiController {

    private final ActorResolver actors;
    private final TestingOrders testing;
    private final Bookings bookings;
    private final Reviews reviews;

    public TestingApiController(ActorResolver actors, TestingOrders testing, Bookings bookings, Reviews reviews) {
        this.actors = actors;
        this.testing = testing;
        this.bookings = bookings;
        this.reviews = reviews;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/instruments/{id}/testing-orders")
    public HttpResponse<TestingOrder> order(@Nullable Authentication auth, @PathVariable String id,
                                            @Nullable @Body NewTestingOrder body) {
        return HttpResponse.created(testing.order(actors.require(auth), id, body));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/testing-orders/{id}")
    public TestingOrder get(@Nullable Authentication auth, @PathVariable long id) {
        return testing.get(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Put("/testing-orders/{id}/shipping")
    public TestingOrder ship(@Nullable Authentication auth, @PathVariable long id,
                             @Nullable @Body TestingOrders.ShippingDetails body) {
        return testing.ship(actors.require(auth), id, body);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/orders/{id}/accept-quote")
    public ServiceOrder acceptQuote(@Nullable Authentication auth, @PathVariable long id) {
        return bookings.command(actors.require(auth), id, Command.ACCEPT_QUOTE, null);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/orders/{id}/decline-quote")
    public ServiceOrder declineQuote(@Nullable Authentication auth, @PathVariable long id,
                                     @Nullable @Body BookingApiController.Reason body) {
        return bookings.command(actors.require(auth), id, Command.DECLINE_QUOTE, body == null ? null : body.reason());
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/orders/{id}/results/{fileId}")
    public HttpResponse<StreamedFile> download(@Nullable Authentication auth, @PathVariable long id,
                                               @PathVariable long fileId) {
        TestingOrders.Download d = testing.download(actors.require(auth), id, fileId);
        StreamedFile file = new StreamedFile(d.content(), MediaType.of(d.file().contentType()), d.file().uploadedAt()
                .toEpochMilli(), d.file().sizeBytes()).attach(d.file().name());
        return HttpResponse.ok(file).header("X-Content-SHA256", d.file().sha256())
                .header("X-Content-Type-Options", "nosniff");
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/orders/{id}/review")
    public HttpResponse<Reviews.Review> review(@Nullable Authentication auth, @PathVariable long id,
                                               @Nullable @Body Reviews.NewReview body) {
        return HttpResponse.created(reviews.review(actors.require(auth), id, body));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/orders/{id}/review")
    public Reviews.Review reviewOf(@Nullable Authentication auth, @PathVariable long id) {
        return reviews.get(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/instruments/{id}/reviews")
    public Reviews.InstrumentReviews ofInstrument(@PathVariable String id) {
        return reviews.ofInstrument(id);
    }
}
